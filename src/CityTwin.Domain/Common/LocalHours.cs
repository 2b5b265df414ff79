namespace CityTwin.Domain.Common;

/// <summary>A stretch of time within one local hour of the week.</summary>
public readonly record struct LocalHourSpan(int HourOfWeek, DateTimeOffset Start, DateTimeOffset End)
{
    public double Hours => (End - Start).TotalHours;
}

/// <summary>
/// Local hour-of-week buckets in a district's time zone: 0 is Monday 00:00–01:00 local time, 167 is
/// Sunday 23:00–24:00. Daylight saving is followed as the local clock does: on the night clocks go forward
/// the skipped hour has no time at all, on the night they go back the repeated hour gets two.
/// </summary>
public static class LocalHours
{
    public const int HoursPerWeek = 7 * 24;

    /// <summary>The local hour of the week <paramref name="time"/> falls in.</summary>
    public static int HourOfWeek(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return HourOfWeek(local.DateTime);
    }

    /// <summary>
    /// Splits <c>[from, to)</c> at local hour boundaries. Each step asks the zone for its offset once, so a
    /// fortnight is about 340 steps.
    /// </summary>
    public static IEnumerable<LocalHourSpan> Split(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var t = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        while (t < end)
        {
            var offset = zone.GetUtcOffset(t);
            var local = t.DateTime + offset;
            var nextLocalHour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified).AddHours(1);
            var next = new DateTimeOffset(DateTime.SpecifyKind(nextLocalHour - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
            if (next <= t)
                next = t.AddHours(1);
            if (next > end)
                next = end;
            yield return new(HourOfWeek(local), t, next);
            t = next;
        }
    }

    private static int HourOfWeek(DateTime local) => ((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour;
}
