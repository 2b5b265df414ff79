namespace CityTwin.Domain.Common;

/// <summary>
/// When a twin of a kind counts as stale: its device is expected to report every
/// <see cref="ExpectedInterval"/>; it may miss <see cref="MissedReportsAllowed"/> reports in a row; and
/// after the twin starts watching (a silo start, an activation) it gets at least
/// <see cref="StartupGrace"/> before it can go stale, so that a restart does not make every twin stale
/// at once. Configurable per kind; the static members are the defaults.
/// </summary>
public sealed record StalenessPolicy(TimeSpan ExpectedInterval, int MissedReportsAllowed, TimeSpan StartupGrace)
{
    /// <summary>Bins report every 15 minutes; stale after 45 minutes of silence (two missed reports).</summary>
    public static StalenessPolicy Bins { get; } = new(TimeSpan.FromMinutes(15), 2, TimeSpan.FromMinutes(60));

    /// <summary>Streetlights report every 5 minutes; stale after 15 minutes.</summary>
    public static StalenessPolicy Streetlights { get; } = new(TimeSpan.FromMinutes(5), 2, TimeSpan.FromMinutes(20));

    /// <summary>Intersections (traffic controllers) report every minute; stale after 4 minutes.</summary>
    public static StalenessPolicy Intersections { get; } = new(TimeSpan.FromMinutes(1), 3, TimeSpan.FromMinutes(5));

    /// <summary>Trucks report every 30 seconds while on duty; stale after 2 minutes.</summary>
    public static StalenessPolicy Trucks { get; } = new(TimeSpan.FromSeconds(30), 3, TimeSpan.FromMinutes(3));

    /// <summary>Air-quality stations report every 10 minutes; stale after 30 minutes.</summary>
    public static StalenessPolicy AirQuality { get; } = new(TimeSpan.FromMinutes(10), 2, TimeSpan.FromMinutes(40));

    /// <summary>How long after the last report the twin goes stale: <c>interval × (missed + 1)</c>.</summary>
    public TimeSpan Tolerance => ExpectedInterval * (MissedReportsAllowed + 1);

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (ExpectedInterval <= TimeSpan.Zero)
            violations.Add(new("expectedInterval", "must be positive"));
        if (MissedReportsAllowed < 0)
            violations.Add(new("missedReportsAllowed", "must not be negative"));
        if (StartupGrace < TimeSpan.Zero)
            violations.Add(new("startupGrace", "must not be negative"));
        return violations;
    }
}
