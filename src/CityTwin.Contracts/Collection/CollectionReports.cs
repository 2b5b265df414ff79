using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Trucks;

namespace CityTwin.Contracts.Collection;

/// <summary>What the planner keeps of a bin: enough for the selection rule and the load it adds.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CollectionBinReport")]
public sealed record CollectionBinReport(
    [property: Id(0)] string BinId,
    [property: Id(1)] DateTimeOffset At,
    /// <summary>False when the bin left the district or was decommissioned: the planner forgets it.</summary>
    [property: Id(2)] bool Active,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] double CapacityLitres,
    [property: Id(5)] double FullnessThreshold,
    [property: Id(6)] double? FillingLevel,
    [property: Id(7)] bool AboveThreshold,
    [property: Id(8)] double? CargoWeightKg,
    [property: Id(9)] DateTimeOffset? PredictedFullAt,
    /// <summary>ok, suspect or failed.</summary>
    [property: Id(10)] string SensorHealth,
    [property: Id(11)] bool Burning,
    [property: Id(12)] DateTimeOffset? DateLastEmptying);

/// <summary>What the planner keeps of a truck.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CollectionTruckReport")]
public sealed record CollectionTruckReport(
    [property: Id(0)] string TruckId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Active,
    [property: Id(3)] TruckServiceStatus Status,
    [property: Id(4)] GeoPoint? Location,
    [property: Id(5)] GeoPoint Depot,
    [property: Id(6)] double CapacityKg,
    [property: Id(7)] double CargoWeightKg,
    /// <summary>A bin this truck emptied, with this report.</summary>
    [property: Id(8)] string? CollectedBinId = null);
