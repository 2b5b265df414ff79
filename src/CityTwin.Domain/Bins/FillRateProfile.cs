using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// How fast a bin fills in each local hour of the week, relative to its average: a weight of 1 is an
/// ordinary hour, 3 an hour (Saturday evening, say) in which it fills three times as fast, 0 an hour in
/// which nothing is thrown in. The weights average 1 over the week.
/// <para>
/// Stored as 168 unsigned 12-bit fixed-point numbers (<see cref="Unit"/> = weight 1, so steps of 1/256 up to
/// <see cref="MaxWeight"/>), two to three bytes, in one byte array that JSON writes as 336 characters of
/// base64; null while nothing has been learnt (every hour 1). Learnt by an exponential moving average per
/// hour; it survives emptyings, unlike the series it learns from.
/// </para>
/// </summary>
public sealed class FillRateProfile
{
    /// <summary>The stored value of weight 1.</summary>
    public const double Unit = 256;

    /// <summary>The largest weight that can be stored (just under 16).</summary>
    public const double MaxWeight = MaxStored / Unit;

    private const int MaxStored = 0xFFF;
    private const int StoredLength = LocalHours.HoursPerWeek / 2 * 3;

    /// <summary>
    /// 12 bits per local hour of the week, hours 2k and 2k+1 in bytes 3k..3k+2 (low bits first); null for a
    /// flat profile.
    /// </summary>
    public byte[]? Weights { get; set; }

    /// <summary>How many times it has learnt from a stretch of readings.</summary>
    public int Observations { get; set; }

    public double WeightOf(int hourOfWeek)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hourOfWeek);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hourOfWeek, LocalHours.HoursPerWeek);
        return Weights is { Length: StoredLength } weights ? Read(weights, hourOfWeek) / Unit : 1;
    }

    /// <summary>Sets one hour's weight as is (no renormalisation), e.g. to import a profile.</summary>
    public void SetWeight(int hourOfWeek, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hourOfWeek);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hourOfWeek, LocalHours.HoursPerWeek);
        Write(EnsureWeights(), hourOfWeek, Quantise(weight));
    }

    /// <summary>The time-weighted mean weight over <c>[from, to)</c>; the weight at <paramref name="from"/> for an empty span.</summary>
    public double MeanWeight(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        if (Weights is null)
            return 1;
        if (to <= from)
            return WeightOf(LocalHours.HourOfWeek(from, zone));
        double sum = 0, hours = 0;
        foreach (var span in LocalHours.Split(from, to, zone))
        {
            sum += WeightOf(span.HourOfWeek) * span.Hours;
            hours += span.Hours;
        }

        return hours > 0 ? sum / hours : 1;
    }

    /// <summary>
    /// Learns that over <c>[from, to)</c> the bin filled at <paramref name="observedWeight"/> times its base
    /// rate: each local hour touched moves towards it by <paramref name="learningRate"/> times its share
    /// of the stretch. The weights are then scaled back to average 1.
    /// </summary>
    public void Learn(DateTimeOffset from, DateTimeOffset to, double observedWeight, double learningRate, TimeZoneInfo zone)
    {
        if (to <= from || !double.IsFinite(observedWeight))
            return;
        EnsureWeights();
        var total = (to - from).TotalHours;
        foreach (var span in LocalHours.Split(from, to, zone))
        {
            var current = WeightOf(span.HourOfWeek);
            var moved = current + learningRate * (span.Hours / total) * (observedWeight - current);
            SetWeight(span.HourOfWeek, moved);
        }

        Observations++;
        Normalise();
    }

    private void Normalise()
    {
        var sum = 0.0;
        for (var h = 0; h < LocalHours.HoursPerWeek; h++)
            sum += WeightOf(h);
        var mean = sum / LocalHours.HoursPerWeek;
        if (mean <= 0 || Math.Abs(mean - 1) < 0.005)
            return;
        for (var h = 0; h < LocalHours.HoursPerWeek; h++)
            SetWeight(h, WeightOf(h) / mean);
    }

    private byte[] EnsureWeights()
    {
        if (Weights is { Length: StoredLength } weights)
            return weights;
        weights = new byte[StoredLength];
        for (var h = 0; h < LocalHours.HoursPerWeek; h++)
            Write(weights, h, (int)Unit);
        Weights = weights;
        return weights;
    }

    private static int Quantise(double weight) =>
        (int)Math.Round(Math.Clamp(double.IsFinite(weight) ? weight : 1, 0, MaxWeight) * Unit);

    private static int Read(byte[] weights, int hour)
    {
        var i = hour / 2 * 3;
        return hour % 2 == 0
            ? weights[i] | ((weights[i + 1] & 0x0F) << 8)
            : (weights[i + 1] >> 4) | (weights[i + 2] << 4);
    }

    private static void Write(byte[] weights, int hour, int value)
    {
        var i = hour / 2 * 3;
        if (hour % 2 == 0)
        {
            weights[i] = (byte)value;
            weights[i + 1] = (byte)((weights[i + 1] & 0xF0) | (value >> 8));
        }
        else
        {
            weights[i + 1] = (byte)((weights[i + 1] & 0x0F) | ((value & 0x0F) << 4));
            weights[i + 2] = (byte)(value >> 4);
        }
    }
}
