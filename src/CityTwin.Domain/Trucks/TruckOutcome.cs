using CityTwin.Domain.Common;

namespace CityTwin.Domain.Trucks;

/// <summary>What applying one reading (or an operator action) did.</summary>
/// <param name="Violations">Why it was rejected; empty when it was applied.</param>
/// <param name="StatusChanged">serviceStatus changed.</param>
/// <param name="Collected">A collection seen for the first time: the grain empties this bin's twin.</param>
/// <param name="CompletedStopIndex">The route stop that collection completed, if it was on the route.</param>
/// <param name="NextStopIndex">First stop of the route not yet collected.</param>
/// <param name="DistanceToNextStopMetres">Great-circle distance to that stop.</param>
/// <param name="Signals">Edge-triggered changes for the district.</param>
public sealed record TruckOutcome(
    IReadOnlyList<RuleViolation> Violations,
    bool StatusChanged,
    CollectionEvent? Collected,
    int? CompletedStopIndex,
    int? NextStopIndex,
    double? DistanceToNextStopMetres,
    IReadOnlyList<TruckSignal> Signals)
{
    public bool Accepted => Violations.Count == 0;

    internal static TruckOutcome Rejected(IReadOnlyList<RuleViolation> violations) =>
        new(violations, false, null, null, null, null, []);
}
