namespace CityTwin.Contracts.Intersections;

/// <summary>The current travel time on one segment leaving the intersection.</summary>
/// <param name="Source">samples (median of recent measurements), downstreamSpeed (the speed measured where the
/// segment arrives) or freeFlow (nothing better is known).</param>
[Immutable, GenerateSerializer, Alias("citytwin.SegmentTravelTimeView")]
public sealed record SegmentTravelTimeView(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] string ToIntersectionId,
    [property: Id(2)] double FreeFlowSeconds,
    [property: Id(3)] double EstimateSeconds,
    [property: Id(4)] string Source,
    [property: Id(5)] int SamplesUsed);
