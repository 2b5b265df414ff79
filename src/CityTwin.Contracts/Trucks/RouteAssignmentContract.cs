using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Trucks;

/// <summary>A collection route from the district's plan: the bins to empty, in the order to drive them.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.RouteAssignmentContract")]
public sealed record RouteAssignmentContract(
    [property: Id(0)] string PlanId,
    [property: Id(1)] IReadOnlyList<RouteStopContract> Stops);

[Immutable, GenerateSerializer, Alias("citytwin.RouteStopContract")]
public sealed record RouteStopContract(
    [property: Id(0)] string BinId,
    [property: Id(1)] GeoPoint Location);
