using System.Buffers;
using System.Text.Json.Serialization;

namespace CityTwin.Domain.Common;

/// <summary>One sample of a <see cref="RecentSeries"/>.</summary>
public readonly record struct SeriesSample(DateTimeOffset Time, double Value);

/// <summary>
/// A straight line through samples: the slope per hour, the line's value at the latest sample, the
/// typical distance of the samples from the line, how many samples and over how long.
/// </summary>
public readonly record struct TrendFit(double SlopePerHour, double ValueAtLast, double ResidualSpread, int Points, TimeSpan Span);

/// <summary>
/// The last few (time, value) samples of a twin, for sparklines and fault detection: a fixed-capacity
/// ring of time offsets (<c>int</c>) and values (<c>float</c>), about 8 bytes a sample. Samples are added
/// in time order; when full, the oldest is dropped. Stored as JSON through its public properties:
/// <see cref="BaseUnixSeconds"/> is the time of the oldest sample, <see cref="Offsets"/> the time after it
/// in whole seconds (or whole <see cref="UnitSeconds"/>, e.g. minutes, which is shorter in JSON; times are
/// then rounded down to the unit), <see cref="Head"/> the slot of the oldest sample and
/// <see cref="Count"/> how many slots are used.
/// </summary>
public sealed class RecentSeries
{
    public const int DefaultCapacity = 48;

    public RecentSeries() : this(DefaultCapacity)
    {
    }

    public RecentSeries(int capacity, int unitSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(unitSeconds, 1);
        Offsets = new int[capacity];
        Values = new float[capacity];
        UnitSeconds = unitSeconds == 1 ? 0 : unitSeconds;
    }

    /// <summary>Seconds per step of <see cref="Offsets"/>; 0 (left out of JSON) means 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnitSeconds { get; set; }

    public long BaseUnixSeconds { get; set; }

    public int[] Offsets { get; set; }

    public float[] Values { get; set; }

    public int Head { get; set; }

    public int Count { get; set; }

    [JsonIgnore]
    public int Capacity => Values.Length;

    /// <summary>The newest sample; null when empty.</summary>
    [JsonIgnore]
    public SeriesSample? Last => Count == 0 ? null : this[Count - 1];

    /// <summary>The oldest sample; null when empty.</summary>
    [JsonIgnore]
    public SeriesSample? First => Count == 0 ? null : this[0];

    /// <summary>The <paramref name="index"/>-th sample, oldest first.</summary>
    public SeriesSample this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var slot = (Head + index) % Capacity;
            return new(DateTimeOffset.FromUnixTimeSeconds(BaseUnixSeconds + (long)Offsets[slot] * Unit), Values[slot]);
        }
    }

    /// <summary>
    /// Adds a sample at the end. Refused (false) when <paramref name="time"/> is before the newest sample,
    /// or the value is not finite: the series stays in time order.
    /// </summary>
    public bool Add(DateTimeOffset time, double value)
    {
        if (!double.IsFinite(value))
            return false;
        var seconds = Floor(time);
        if (Count == 0)
        {
            Head = 0;
            Count = 1;
            BaseUnixSeconds = seconds;
            Offsets[0] = 0;
            Values[0] = (float)value;
            return true;
        }

        var newest = BaseUnixSeconds + (long)Offsets[(Head + Count - 1) % Capacity] * Unit;
        if (seconds < newest)
            return false;

        int slot;
        if (Count < Capacity)
        {
            slot = (Head + Count) % Capacity;
            Count++;
        }
        else
        {
            slot = Head;
            Head = (Head + 1) % Capacity;
        }

        Values[slot] = (float)value;
        Offsets[slot] = checked((int)((seconds - BaseUnixSeconds) / Unit));
        Rebase();
        return true;
    }

    /// <summary>All samples, oldest first.</summary>
    public IEnumerable<SeriesSample> Samples(DateTimeOffset? since = null)
    {
        for (var i = 0; i < Count; i++)
        {
            var sample = this[i];
            if (since is null || sample.Time >= since)
                yield return sample;
        }
    }

    public void Clear()
    {
        Head = 0;
        Count = 0;
        BaseUnixSeconds = 0;
    }

    /// <summary>Drops the samples before <paramref name="time"/> (rounded down to the unit).</summary>
    public void RemoveBefore(DateTimeOffset time)
    {
        var cutoff = DateTimeOffset.FromUnixTimeSeconds(Floor(time));
        while (Count > 0 && this[0].Time < cutoff)
        {
            Head = (Head + 1) % Capacity;
            Count--;
        }

        if (Count == 0)
            Clear();
        else
            Rebase();
    }

    /// <summary>The median value of the samples since <paramref name="since"/>; null when there are none.</summary>
    public double? Median(DateTimeOffset? since = null)
    {
        var values = new double[Count];
        var n = 0;
        foreach (var sample in Samples(since))
            values[n++] = sample.Value;
        return n == 0 ? null : Statistics.Median(values.AsSpan(0, n));
    }

    /// <summary>
    /// Ordinary least squares over the samples since <paramref name="since"/>; the spread is the root mean
    /// square residual. Null with fewer than two samples or when they share one time.
    /// </summary>
    public TrendFit? LeastSquares(DateTimeOffset? since = null)
    {
        if (!Collect(since, out var hours, out var values, out var n))
            return null;
        var meanX = 0.0;
        var meanY = 0.0;
        for (var i = 0; i < n; i++)
        {
            meanX += hours[i];
            meanY += values[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (hours[i] - meanX) * (hours[i] - meanX);
            sxy += (hours[i] - meanX) * (values[i] - meanY);
        }

        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = values[i] - (intercept + slope * hours[i]);
            squares += residual * residual;
        }

        return new(slope, intercept + slope * hours[n - 1], Math.Sqrt(squares / n), n, TimeSpan.FromHours(hours[n - 1]));
    }

    /// <summary>
    /// Theil–Sen over the samples since <paramref name="since"/>: the slope is the median of the slopes
    /// between every pair of samples, the intercept the median of what each sample implies, the spread
    /// the median absolute residual. Up to 29% of the samples can be wild without moving the line.
    /// Null with fewer than two samples or when they share one time.
    /// </summary>
    public TrendFit? TheilSen(DateTimeOffset? since = null)
    {
        if (!Collect(since, out var hours, out var values, out var n))
            return null;
        var slopes = ArrayPool<double>.Shared.Rent(n * (n - 1) / 2);
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = hours[j] - hours[i];
                if (dx > 0)
                    slopes[m++] = (values[j] - values[i]) / dx;
            }
        }

        var slope = Statistics.Median(slopes.AsSpan(0, m));
        ArrayPool<double>.Shared.Return(slopes);
        var residuals = new double[n];
        for (var i = 0; i < n; i++)
            residuals[i] = values[i] - slope * hours[i];
        var intercept = Statistics.Median(residuals.AsSpan(0, n));
        for (var i = 0; i < n; i++)
            residuals[i] = Math.Abs(values[i] - (intercept + slope * hours[i]));
        var spread = Statistics.Median(residuals.AsSpan(0, n));
        return new(slope, intercept + slope * hours[n - 1], spread, n, TimeSpan.FromHours(hours[n - 1]));
    }

    /// <summary>Samples since <paramref name="since"/> as hours after the first of them, and values.</summary>
    private bool Collect(DateTimeOffset? since, out double[] hours, out double[] values, out int n)
    {
        hours = new double[Count];
        values = new double[Count];
        n = 0;
        DateTimeOffset? origin = null;
        foreach (var sample in Samples(since))
        {
            origin ??= sample.Time;
            hours[n] = (sample.Time - origin.Value).TotalHours;
            values[n] = sample.Value;
            n++;
        }

        return n >= 2 && hours[n - 1] > 0;
    }

    /// <summary>Keeps the oldest sample at offset 0, so offsets stay small in JSON.</summary>
    private void Rebase()
    {
        var shift = Offsets[Head];
        if (shift == 0)
            return;
        for (var i = 0; i < Count; i++)
            Offsets[(Head + i) % Capacity] -= shift;
        BaseUnixSeconds += (long)shift * Unit;
    }

    private int Unit => UnitSeconds > 1 ? UnitSeconds : 1;

    private long Floor(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeSeconds(), Unit) switch
    {
        var (quotient, remainder) when remainder < 0 => (quotient - 1) * Unit,
        var (quotient, _) => quotient * Unit,
    };
}
