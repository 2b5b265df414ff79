namespace CityTwin.Domain.Intersections;

/// <summary>
/// Learns an approach's weekday/hour flow profile in the district's local time.
/// Readings are averaged over the local hour they fall in; when a later hour begins, that hour's mean is folded
/// into its bucket by an exponential moving average. Folding whole hours makes the profile independent of how
/// often the detector reports, and keying by local hour keeps daylight-saving changes harmless: the skipped
/// spring hour never opens, and the repeated autumn hour is one local hour whose two halves average into a
/// single fold.
/// </summary>
public static class FlowProfileRules
{
    /// <summary>
    /// Weight of a newly observed hour once a bucket has history: about the last five weeks count. Until then a
    /// bucket holds the plain mean of its hours (weight 1/(n+1)), so early values are not biased towards zero.
    /// </summary>
    public const double Smoothing = 0.2;

    /// <summary>Observed hours after which a bucket is fully trusted by the forecast.</summary>
    public const int HoursForFullConfidence = 4;

    /// <summary>The bucket of a local weekday and hour, Monday 00:00 being 0.</summary>
    public static int Bucket(DayOfWeek day, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        return ((int)day + 6) % 7 * 24 + hour;
    }

    public static int BucketOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return Bucket(local.DayOfWeek, local.Hour);
    }

    /// <summary>The learned flow (veh/h) for the local hour containing <paramref name="at"/>, and how many hours taught it.</summary>
    public static (double Flow, int Hours) At(FlowProfile profile, DateTimeOffset at, TimeZoneInfo zone)
    {
        var bucket = BucketOf(at, zone);
        return (profile.Flow[bucket], profile.Hours[bucket]);
    }

    /// <summary>0 for an unlearned bucket, rising to 1 after <see cref="HoursForFullConfidence"/> hours.</summary>
    public static double Confidence(int hours) => Math.Min(hours, HoursForFullConfidence) / (double)HoursForFullConfidence;

    /// <summary>
    /// Adds a reading to its local hour, first closing the hour being observed if this one is later.
    /// A reading from an hour already closed is ignored rather than rewriting history.
    /// </summary>
    public static void Learn(FlowProfile profile, DateTimeOffset at, TimeZoneInfo zone, double intensity)
    {
        var hour = LocalHour(at, zone);
        if (profile.OpenCount > 0 && hour < profile.OpenHour)
            return;
        if (hour != profile.OpenHour)
        {
            Close(profile);
            profile.OpenHour = hour;
        }

        profile.OpenSum += intensity;
        profile.OpenCount++;
    }

    private static void Close(FlowProfile profile)
    {
        if (profile.OpenCount == 0)
            return;
        var local = new DateTime(profile.OpenHour * TimeSpan.TicksPerHour);
        var bucket = Bucket(local.DayOfWeek, local.Hour);
        var hours = profile.Hours[bucket];
        var weight = Math.Max(1.0 / (hours + 1), Smoothing);
        var mean = profile.OpenSum / profile.OpenCount;
        profile.Flow[bucket] = BoundedHistory.Quantise(profile.Flow[bucket] + weight * (mean - profile.Flow[bucket]));
        profile.Hours[bucket] = (byte)Math.Min(hours + 1, byte.MaxValue);
        profile.OpenSum = 0;
        profile.OpenCount = 0;
    }

    private static int LocalHour(DateTimeOffset at, TimeZoneInfo zone) =>
        (int)(TimeZoneInfo.ConvertTime(at, zone).DateTime.Ticks / TimeSpan.TicksPerHour);
}
