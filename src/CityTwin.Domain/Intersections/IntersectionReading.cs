namespace CityTwin.Domain.Intersections;

/// <summary>
/// One report from an intersection's detectors: a TrafficFlowObserved per approach, plus travel times
/// measured to neighbours (plate matching). Approaches whose detector failed may be left out.
/// </summary>
public sealed record IntersectionReading(
    IReadOnlyList<ApproachReading> Approaches,
    IReadOnlyList<TravelTimeSample>? TravelTimes = null);

/// <param name="ApproachId">Which provisioned approach this describes.</param>
/// <param name="Intensity">Vehicles per hour over the reporting interval (TrafficFlowObserved <c>intensity</c>, as a rate).</param>
/// <param name="Occupancy">Fraction of the interval the detector was occupied, 0..1.</param>
/// <param name="AverageVehicleSpeed">Mean speed of the vehicles that passed, km/h; meaningless when none passed.</param>
/// <param name="QueueLength">Vehicles queued at the stop line. Counted in vehicles rather than metres because
/// detectors and cameras count vehicles, and metres would depend on the vehicle mix.</param>
/// <param name="Incident">The detector or an operator reports an incident (crash, breakdown, blocked lane).</param>
public sealed record ApproachReading(
    string ApproachId,
    double Intensity,
    double Occupancy,
    double AverageVehicleSpeed,
    int QueueLength,
    bool Incident = false);

/// <summary>How long one vehicle took on an outgoing segment to the next intersection.</summary>
public sealed record TravelTimeSample(string SegmentId, double Seconds);
