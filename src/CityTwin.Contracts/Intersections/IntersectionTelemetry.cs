namespace CityTwin.Contracts.Intersections;

/// <summary>
/// One intersection reading: a TrafficFlowObserved per approach (FIWARE attribute names) plus travel times
/// measured to neighbouring intersections. An approach whose detector failed is left out.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.IntersectionTelemetry")]
public sealed record IntersectionTelemetry(
    [property: Id(0)] IReadOnlyList<ApproachTelemetry> Approaches,
    [property: Id(1)] IReadOnlyList<TravelTimeTelemetry>? TravelTimes = null);

/// <summary>What one approach's detectors measured over the reporting interval.</summary>
/// <param name="ApproachId">A provisioned approach of the intersection.</param>
/// <param name="Intensity">Vehicles per hour.</param>
/// <param name="Occupancy">Fraction of the interval the detector was occupied, 0..1.</param>
/// <param name="AverageVehicleSpeed">Mean speed of the vehicles that passed, km/h.</param>
/// <param name="QueueLength">Vehicles queued at the stop line.</param>
/// <param name="Incident">A crash, breakdown or blocked lane is reported; omitted means none.</param>
[Immutable, GenerateSerializer, Alias("citytwin.ApproachTelemetry")]
public sealed record ApproachTelemetry(
    [property: Id(0)] string ApproachId,
    [property: Id(1)] double Intensity,
    [property: Id(2)] double Occupancy,
    [property: Id(3)] double AverageVehicleSpeed,
    [property: Id(4)] int QueueLength,
    [property: Id(5)] bool Incident = false);

/// <summary>How long one vehicle took on an outgoing segment (matched by tokens, never by plates).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.TravelTimeTelemetry")]
public sealed record TravelTimeTelemetry(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] double Seconds);
