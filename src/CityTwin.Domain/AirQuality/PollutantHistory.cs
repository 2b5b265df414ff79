namespace CityTwin.Domain.AirQuality;

/// <summary>
/// One pollutant's hourly means over the last <see cref="Hours"/> clock hours (UTC), plus the latest drift
/// verdict against neighbouring sensors. Slot <c>h mod 24</c> holds hour number h (hours since the Unix
/// epoch); <see cref="AirQualityState.NewestHour"/> says which hours the slots currently hold. A count of
/// zero means no reading in that hour.
/// </summary>
public sealed class PollutantHistory
{
    public const int Hours = 24;

    /// <summary>Mean of the readings in each hour, µg/m³.</summary>
    public float[] Means { get; set; } = new float[Hours];

    /// <summary>Readings in each hour.</summary>
    public short[] Counts { get; set; } = new short[Hours];

    /// <summary>This sensor reads out of line with its neighbours for this pollutant.</summary>
    public bool DriftSuspect { get; set; }

    /// <summary>Median ratio of this sensor to its neighbours at the last conclusive assessment.</summary>
    public float? DriftRatio { get; set; }

    internal static int SlotOf(long hour) => (int)(hour % Hours);

    internal void Clear(long hour)
    {
        Means[SlotOf(hour)] = 0;
        Counts[SlotOf(hour)] = 0;
    }

    internal void Add(long hour, double value)
    {
        var slot = SlotOf(hour);
        if (Counts[slot] < short.MaxValue)
            Counts[slot]++;
        // Running mean: no sum to overflow and nothing more to store than the mean itself.
        Means[slot] += (float)((value - Means[slot]) / Counts[slot]);
    }

    internal float? MeanOf(long hour) => Counts[SlotOf(hour)] > 0 ? Means[SlotOf(hour)] : null;
}
