using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Collection;

[GenerateSerializer, Alias("citytwin.PlanStatus")]
public enum PlanStatus
{
    /// <summary>A plan was made, stored and sent to the trucks.</summary>
    Planned,

    /// <summary>A newer request cancelled this one before it finished.</summary>
    Superseded,

    /// <summary>No plan could be made; the errors say why. The previous plan stays.</summary>
    Failed,
}

[Immutable, GenerateSerializer, Alias("citytwin.CollectionPlanResult")]
public sealed record CollectionPlanResult(
    [property: Id(0)] PlanStatus Status,
    [property: Id(1)] CollectionPlanView? Plan,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);

/// <summary>A collection plan and how far it has got.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CollectionPlanView")]
public sealed record CollectionPlanView(
    /// <summary>What trucks are told; a re-plan gets a new id.</summary>
    [property: Id(0)] string PlanId,
    /// <summary>0 for the window's plan, then 1, 2, … for each re-plan.</summary>
    [property: Id(1)] int Revision,
    [property: Id(2)] DateTimeOffset WindowStart,
    [property: Id(3)] DateTimeOffset WindowEnd,
    [property: Id(4)] DateTimeOffset CreatedAt,
    /// <summary>window, or why it was re-planned: truckUnavailable, binOnFire, costMoved, roadsChanged.</summary>
    [property: Id(5)] string Reason,
    [property: Id(6)] IReadOnlyList<CollectionRouteView> Routes,
    /// <summary>Selected bins no open road reaches, with why.</summary>
    [property: Id(7)] IReadOnlyList<FieldError> Unroutable,
    [property: Id(8)] bool Complete,
    /// <summary>How long the solve took.</summary>
    [property: Id(9)] TimeSpan SolveTime);

[Immutable, GenerateSerializer, Alias("citytwin.CollectionRouteView")]
public sealed record CollectionRouteView(
    [property: Id(0)] string TruckId,
    [property: Id(1)] IReadOnlyList<string> BinIds,
    [property: Id(2)] IReadOnlyList<string> Collected,
    /// <summary>Planned driving time, start to depot, seconds.</summary>
    [property: Id(3)] long TravelSeconds,
    [property: Id(4)] long LoadKg);

[Immutable, GenerateSerializer, Alias("citytwin.ClosedSegmentView")]
public sealed record ClosedSegmentView(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] string? Reason,
    [property: Id(2)] DateTimeOffset ClosedAt);

[Immutable, GenerateSerializer, Alias("citytwin.PlanningView")]
public sealed record PlanningView(
    [property: Id(0)] bool Solving,
    [property: Id(1)] int PlansStarted,
    [property: Id(2)] int PlansSuperseded,
    /// <summary>Bins and trucks the planner has heard of.</summary>
    [property: Id(3)] int KnownBins,
    [property: Id(4)] int KnownTrucks);
