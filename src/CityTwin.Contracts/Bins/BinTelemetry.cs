namespace CityTwin.Contracts.Bins;

/// <summary>
/// One bin reading (FIWARE WasteContainer names where they exist); every field optional. A reading
/// may carry the bin's own RFID record of a collection (<see cref="CollectionId"/>).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.BinTelemetry")]
public sealed record BinTelemetry(
    /// <summary>Ultrasonic distance from the lid to the waste surface, cm.</summary>
    [property: Id(0)] double? DistanceCm = null,
    [property: Id(1)] double? FillingLevel = null,
    /// <summary>Load-cell weight, kg.</summary>
    [property: Id(2)] double? CargoWeight = null,
    /// <summary>°C.</summary>
    [property: Id(3)] double? Temperature = null,
    [property: Id(4)] bool? LidOpen = null,
    [property: Id(5)] double? TiltDegrees = null,
    [property: Id(6)] string? CollectionId = null,
    [property: Id(7)] bool? Wet = null,
    [property: Id(8)] double? HumidityPercent = null,
    [property: Id(9)] double? Latitude = null,
    [property: Id(10)] double? Longitude = null);
