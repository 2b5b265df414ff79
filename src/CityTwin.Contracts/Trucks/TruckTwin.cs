using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Trucks;

/// <summary>
/// A collection truck as its twin sees it now: position and motion, load against capacity, service status,
/// its route and progress, and its recent track. Reported values are null before the first reading.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.TruckTwin")]
public sealed record TruckTwin(
    [property: Id(0)] string AssetId,
    [property: Id(1)] GeoPoint? Location,
    /// <summary>km/h.</summary>
    [property: Id(2)] double? Speed,
    /// <summary>Degrees clockwise from true north, 0 ≤ heading &lt; 360.</summary>
    [property: Id(3)] double? Heading,
    /// <summary>kg: the on-board scale when it reports, else the sum of the weights lifted.</summary>
    [property: Id(4)] double CargoWeight,
    [property: Id(5)] double CapacityKg,
    /// <summary><see cref="CargoWeight"/> / <see cref="CapacityKg"/>.</summary>
    [property: Id(6)] double LoadFraction,
    /// <summary>The load reached 90 % of capacity and has not yet fallen below 85 %.</summary>
    [property: Id(7)] bool LoadHigh,
    /// <summary>parked, onRoute, broken or outOfService.</summary>
    [property: Id(8)] string ServiceStatus,
    [property: Id(9)] TruckRouteProgress? Route,
    [property: Id(10)] DateTimeOffset? LastReadingAt,
    /// <summary>Recent positions, oldest first.</summary>
    [property: Id(11)] IReadOnlyList<TruckTrackPoint> Track);

/// <summary>The route the truck is driving and how far it has got.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.TruckRouteProgress")]
public sealed record TruckRouteProgress(
    [property: Id(0)] string PlanId,
    [property: Id(1)] DateTimeOffset AssignedAt,
    /// <summary>When the last stop was collected; null while stops are open.</summary>
    [property: Id(2)] DateTimeOffset? CompletedAt,
    [property: Id(3)] IReadOnlyList<TruckRouteStop> Stops,
    [property: Id(4)] int CompletedStops,
    /// <summary>The first stop in route order not yet collected; null when all are.</summary>
    [property: Id(5)] int? NextStopIndex,
    [property: Id(6)] string? NextStopBinId,
    /// <summary>Great-circle distance from the truck to the next stop; null without a position or a next stop.</summary>
    [property: Id(7)] double? DistanceToNextStopMetres);

[Immutable, GenerateSerializer, Alias("citytwin.TruckRouteStop")]
public sealed record TruckRouteStop(
    [property: Id(0)] string BinId,
    [property: Id(1)] GeoPoint Location,
    [property: Id(2)] bool Completed);

[Immutable, GenerateSerializer, Alias("citytwin.TruckTrackPoint")]
public sealed record TruckTrackPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] GeoPoint Location);
