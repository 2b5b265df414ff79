namespace CityTwin.Routing.Roads;

/// <summary>
/// Where a stop or depot lies on the network: on a segment, at a fraction of its length from the segment's
/// start (0 at its from-intersection, 1 at its to-intersection). A truck reaches it driving that segment in
/// its direction; a bin on a two-way street belongs to the side's segment it is collected from.
/// </summary>
public readonly record struct RoadPosition(string SegmentId, double Fraction);
