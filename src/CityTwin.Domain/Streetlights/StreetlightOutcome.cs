using CityTwin.Domain.Common;

namespace CityTwin.Domain.Streetlights;

/// <summary>What applying one reading did.</summary>
/// <param name="Violations">Why the reading was rejected; empty when it was applied.</param>
/// <param name="PowerStateChanged">The lamp switched on, off or between full and dimmed.</param>
/// <param name="StatusChanged">A fault was raised, cleared or replaced by another.</param>
/// <param name="DesiredLevelConfirmed">This reading confirmed a pending level command.</param>
/// <param name="EnergyAddedKwh">Energy integrated up to this reading.</param>
/// <param name="Signals">Edge-triggered changes for the district.</param>
public sealed record StreetlightOutcome(
    IReadOnlyList<RuleViolation> Violations,
    bool PowerStateChanged,
    bool StatusChanged,
    bool DesiredLevelConfirmed,
    double EnergyAddedKwh,
    IReadOnlyList<StreetlightSignal> Signals)
{
    public bool Accepted => Violations.Count == 0;

    internal static StreetlightOutcome Rejected(IReadOnlyList<RuleViolation> violations) =>
        new(violations, false, false, false, 0, []);
}
