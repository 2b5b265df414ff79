namespace CityTwin.Domain.Collection;

/// <summary>
/// What a city does without sensors: each bin collected every k days, k the whole number of days (at least 1)
/// its mean fill rate takes to bring it from empty to its fullness threshold. Rounding down, so that on average
/// a bin is collected before it is full. A bin that fills too slowly to reach its threshold within
/// <see cref="MaxIntervalDays"/> is collected every that many days, as schedules have a longest round.
/// </summary>
public static class FixedFrequencyBaseline
{
    /// <summary>Four weeks: the longest round ordinary municipal schedules use.</summary>
    public const int MaxIntervalDays = 28;

    /// <param name="meanRatePerHour">The bin's mean fill rate, fraction of its volume per hour.</param>
    /// <param name="fullnessThreshold">Its fullness threshold, 0..1.</param>
    public static int IntervalDays(double meanRatePerHour, double fullnessThreshold, int maxIntervalDays = MaxIntervalDays)
    {
        if (!double.IsFinite(meanRatePerHour) || meanRatePerHour < 0)
            throw new ArgumentOutOfRangeException(nameof(meanRatePerHour), meanRatePerHour, "the mean fill rate must be 0 or more per hour");
        if (!double.IsFinite(fullnessThreshold) || fullnessThreshold is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(fullnessThreshold), fullnessThreshold, "the fullness threshold must be within (0, 1]");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIntervalDays, 1);
        if (meanRatePerHour == 0)
            return maxIntervalDays;
        var days = fullnessThreshold / (meanRatePerHour * 24);
        // A rate that takes exactly 4 days must give 4, whatever the last bit of the division says.
        var whole = Math.Floor(days + 1e-9);
        return (int)Math.Clamp(whole, 1, maxIntervalDays);
    }

    /// <summary>Whether a bin on a k-day round that started on <paramref name="firstCollection"/> is collected on <paramref name="date"/>.</summary>
    public static bool IsDue(DateOnly firstCollection, int intervalDays, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalDays, 1);
        var days = date.DayNumber - firstCollection.DayNumber;
        return days >= 0 && days % intervalDays == 0;
    }
}
