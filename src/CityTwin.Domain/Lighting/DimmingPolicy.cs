using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.Lighting;

/// <summary>
/// A district's streetlight dimming policy, one version of it. Levels are 0..1 of full output. The defaults
/// take a street lit to EN 13201 class M3 (1.0 cd/m²) at full: traffic keeps it one class down (M4,
/// 0.75 cd/m²), an empty street two down (M5, 0.5), and nothing goes below the lowest class (M6, 0.3).
/// Versions are made by <see cref="DimmingPolicyHistory.Revise"/>, which stamps who changed it and when.
/// </summary>
public sealed record DimmingPolicy
{
    public required string DistrictId { get; init; }

    /// <summary>1 for the first policy, one more for each revision.</summary>
    public int Version { get; init; } = 1;

    public string ChangedBy { get; init; } = "";

    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Why it was changed, for the audit trail.</summary>
    public string? ChangeNote { get; init; }

    /// <summary>On at dusk and off at dawn at this sun altitude.</summary>
    public SunHorizon Horizon { get; init; } = SunHorizon.Standard;

    /// <summary>The level for presence (and the level an always-on baseline burns at).</summary>
    public double FullLevel { get; init; } = 1.0;

    /// <summary>The level when traffic at an adjacent intersection exceeds <see cref="LowTrafficPerHour"/>.</summary>
    public double TrafficLevel { get; init; } = 0.75;

    /// <summary>The level when nobody is there and traffic nearby is low.</summary>
    public double DimmedLevel { get; init; } = 0.5;

    /// <summary>Nothing dark goes below this, whatever else the policy says (an override may).</summary>
    public double SafetyMinimumLevel { get; init; } = 0.3;

    /// <summary>The level of the neighbours of a failed light, to fill the gap it leaves.</summary>
    public double FailedNeighbourLevel { get; init; } = 1.0;

    /// <summary>Vehicles per hour at an adjacent intersection up to which traffic counts as low.</summary>
    public double LowTrafficPerHour { get; init; } = 300;

    /// <summary>
    /// How long a light stays at full after it last saw someone. One minute: at walking pace (1.4 m/s) a person
    /// is then some 80 m on, two or three poles further at 30 to 35 m spacing, where those poles' own sensors
    /// light the way; longer lights an empty pool behind them.
    /// </summary>
    public TimeSpan PresenceHold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>From presence detected to the command for full level sent: the district's promise.</summary>
    public TimeSpan ReactionTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Level commands the district sends per second at most (a burst of one second's worth).</summary>
    public double MaxCommandsPerSecond { get; init; } = 50;

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (Identifiers.Check("districtId", DistrictId) is { } badId)
            violations.Add(badId);
        if (Version < 1)
            violations.Add(new("version", Invariant($"{Version} is not a version (1 or more)")));
        if (!Enum.IsDefined(Horizon))
            violations.Add(new("horizon", Invariant($"{(int)Horizon} is not standard or civilTwilight")));
        CheckLevel(violations, "fullLevel", FullLevel);
        CheckLevel(violations, "trafficLevel", TrafficLevel);
        CheckLevel(violations, "dimmedLevel", DimmedLevel);
        CheckLevel(violations, "safetyMinimumLevel", SafetyMinimumLevel);
        CheckLevel(violations, "failedNeighbourLevel", FailedNeighbourLevel);
        if (violations.Count == 0)
        {
            if (!(SafetyMinimumLevel <= DimmedLevel && DimmedLevel <= TrafficLevel && TrafficLevel <= FullLevel))
                violations.Add(new("levels", Invariant(
                    $"must rise from safety minimum to full: {SafetyMinimumLevel} <= dimmed {DimmedLevel} <= traffic {TrafficLevel} <= full {FullLevel}")));
            if (FailedNeighbourLevel < DimmedLevel)
                violations.Add(new("failedNeighbourLevel", Invariant($"{FailedNeighbourLevel} is below the dimmed level {DimmedLevel}: it would not raise the neighbours")));
        }
        if (!double.IsFinite(LowTrafficPerHour) || LowTrafficPerHour < 0)
            violations.Add(new("lowTrafficPerHour", Invariant($"{LowTrafficPerHour} is not a traffic intensity (0 or more vehicles per hour)")));
        if (PresenceHold < TimeSpan.Zero || PresenceHold > TimeSpan.FromHours(1))
            violations.Add(new("presenceHold", Invariant($"{PresenceHold} is outside 00:00:00..01:00:00")));
        if (ReactionTime <= TimeSpan.Zero || ReactionTime > TimeSpan.FromMinutes(5))
            violations.Add(new("reactionTime", Invariant($"{ReactionTime} is outside (00:00:00, 00:05:00]")));
        if (!double.IsFinite(MaxCommandsPerSecond) || MaxCommandsPerSecond is <= 0 or > 100_000)
            violations.Add(new("maxCommandsPerSecond", Invariant($"{MaxCommandsPerSecond} is outside (0, 100000]")));
        else if (MaxCommandsPerSecond * ReactionTime.TotalSeconds < 1)
            violations.Add(new("maxCommandsPerSecond", Invariant(
                $"{MaxCommandsPerSecond}/s cannot send even one command within the reaction time {ReactionTime}")));
        return violations;
    }

    private static void CheckLevel(List<RuleViolation> violations, string field, double level)
    {
        if (!double.IsFinite(level) || level is < 0 or > 1)
            violations.Add(new(field, Invariant($"{level} is outside 0..1")));
    }
}
