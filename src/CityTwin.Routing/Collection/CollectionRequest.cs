using CityTwin.Domain.Inventory;

namespace CityTwin.Routing.Collection;

/// <summary>A bin to empty: where it stands and what it adds to a truck's load.</summary>
public sealed record PlannedBin(string BinId, GeoCoordinate Location, long DemandKg);

/// <summary>
/// A truck that can take part: where it starts (its depot before a round, its last position during one),
/// the depot it ends at, and the load it can still take.
/// </summary>
public sealed record PlanningTruck(string TruckId, GeoCoordinate Start, GeoCoordinate Depot, long SpareCapacityKg);

/// <summary>What one plan is asked to do.</summary>
/// <param name="ServiceTime">Time at each bin (positioning, lift, compaction); counts toward truck time, not travel cost.</param>
public sealed record CollectionRequest(
    IReadOnlyList<PlannedBin> Bins,
    IReadOnlyList<PlanningTruck> Trucks,
    TimeSpan ServiceTime,
    TimeSpan TimeLimit);

/// <summary>One truck's route in a plan.</summary>
/// <param name="TravelSeconds">Driving time from its start through the bins back to its depot.</param>
/// <param name="LegSeconds">Driving time of each leg: to the first bin, between bins, from the last bin to the depot (one more than the bins).</param>
public sealed record PlannedRoute(string TruckId, IReadOnlyList<string> BinIds, long TravelSeconds, long LoadKg, IReadOnlyList<long> LegSeconds);

/// <summary>A bin the plan leaves out, and why.</summary>
public sealed record UnroutableBin(string BinId, string Reason);
