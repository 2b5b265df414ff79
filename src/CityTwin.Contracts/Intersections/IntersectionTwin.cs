namespace CityTwin.Contracts.Intersections;

/// <summary>
/// An intersection as its twin sees it now: each approach's latest flow, the congested level, the signal
/// plan it recommends and the travel times on the segments leaving it, from its own samples.
/// </summary>
/// <param name="Congested">The worst approach level: free, moderate, heavy or gridlock.</param>
/// <param name="TravelTimes">From this twin's own samples; <c>GetTravelTimes</c> also asks the neighbours.</param>
/// <param name="TravelTimeSamples">The recent measured samples behind <paramref name="TravelTimes"/>, oldest first per segment.</param>
[Immutable, GenerateSerializer, Alias("citytwin.IntersectionTwin")]
public sealed record IntersectionTwin(
    [property: Id(0)] string AssetId,
    [property: Id(1)] string Congested,
    [property: Id(2)] IReadOnlyList<ApproachView> Approaches,
    [property: Id(3)] SignalPlanView SignalPlan,
    [property: Id(4)] IReadOnlyList<SegmentTravelTimeView> TravelTimes,
    [property: Id(5)] IReadOnlyList<TravelTimeSampleView> TravelTimeSamples);

/// <summary>One approach's latest TrafficFlowObserved and its recent flow.</summary>
/// <param name="Congested">free, moderate, heavy or gridlock.</param>
/// <param name="DateObserved">When the approach was last reported; null if never (its values are then zero).</param>
/// <param name="RecentFlow">The last readings' intensities, oldest first.</param>
[Immutable, GenerateSerializer, Alias("citytwin.ApproachView")]
public sealed record ApproachView(
    [property: Id(0)] string Id,
    [property: Id(1)] string FromSegmentId,
    [property: Id(2)] double Intensity,
    [property: Id(3)] double Occupancy,
    [property: Id(4)] double AverageVehicleSpeed,
    [property: Id(5)] int QueueLength,
    [property: Id(6)] bool Incident,
    [property: Id(7)] string Congested,
    [property: Id(8)] DateTimeOffset? DateObserved,
    [property: Id(9)] IReadOnlyList<FlowSample> RecentFlow);

/// <summary>An approach's intensity (whole veh/h) at one reading.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.FlowSample")]
public sealed record FlowSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Intensity);

/// <summary>One measured travel time (whole seconds) on an outgoing segment.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.TravelTimeSampleView")]
public sealed record TravelTimeSampleView(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] double Seconds);
