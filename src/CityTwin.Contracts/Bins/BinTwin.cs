namespace CityTwin.Contracts.Bins;

/// <summary>A bin as its twin sees it now (FIWARE WasteContainer attributes plus our predictions and sensor health).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.BinTwin")]
public sealed record BinTwin(
    [property: Id(0)] string AssetId,
    [property: Id(1)] double? FillingLevel,
    [property: Id(2)] double? CargoWeight,
    [property: Id(3)] double? Temperature,
    /// <summary>ok, lidOpen, dropped, moved, burning or unknown.</summary>
    [property: Id(4)] string Status,
    [property: Id(5)] double BinCapacity,
    [property: Id(6)] double BinFullnessThreshold,
    [property: Id(7)] DateTimeOffset? DateLastEmptying,
    /// <summary>Learned fill rate, fraction of the bin per hour.</summary>
    [property: Id(8)] double? FillRatePerHour,
    [property: Id(9)] DateTimeOffset? PredictedFullAt,
    /// <summary>0..1.</summary>
    [property: Id(10)] double PredictedFullConfidence,
    /// <summary>ok, suspect or failed.</summary>
    [property: Id(11)] string SensorHealth,
    [property: Id(12)] string? SensorFault,
    [property: Id(13)] DateTimeOffset? LastReadingAt,
    [property: Id(14)] long Collections,
    [property: Id(15)] IReadOnlyList<LevelSample> History);

[Immutable, GenerateSerializer, Alias("citytwin.LevelSample")]
public sealed record LevelSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double FillingLevel);
