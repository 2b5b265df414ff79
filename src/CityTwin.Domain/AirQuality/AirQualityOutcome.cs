using CityTwin.Domain.Common;

namespace CityTwin.Domain.AirQuality;

/// <summary>What applying one reading did.</summary>
/// <param name="Violations">Why the reading was rejected; empty when it was applied.</param>
/// <param name="Level">The index level of the last completed hour, null when that hour has no data.</param>
/// <param name="LevelChanged">The level differs from the one before this reading.</param>
/// <param name="Signals">Edge-triggered changes for the district.</param>
public sealed record AirQualityOutcome(
    IReadOnlyList<RuleViolation> Violations,
    AirQualityLevel? Level,
    bool LevelChanged,
    IReadOnlyList<AirQualitySignal> Signals)
{
    public bool Accepted => Violations.Count == 0;

    internal static AirQualityOutcome Rejected(IReadOnlyList<RuleViolation> violations) =>
        new(violations, null, false, []);
}
