using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Inventory;

/// <summary>
/// A stretch of road from one intersection to another, one way: a road used both ways is two segments.
/// Routing reads its length and free-flow speed; an intersection's approaches are the segments that end
/// at it, its outgoing segments those that start there.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.RoadSegment")]
public sealed record RoadSegment(
    [property: Id(0)] string Id,
    [property: Id(1)] string FromIntersectionId,
    [property: Id(2)] string ToIntersectionId,
    [property: Id(3)] string DistrictId,
    [property: Id(4)] IReadOnlyList<GeoPoint> Geometry,
    [property: Id(5)] double LengthMetres,
    [property: Id(6)] double FreeFlowSpeedKmh,
    [property: Id(7)] int Lanes)
{
    /// <summary>Equal when every value and every point of the geometry is: what makes storing a segment again a no-op.</summary>
    public bool Equals(RoadSegment? other) =>
        other is not null
        && Id == other.Id
        && FromIntersectionId == other.FromIntersectionId
        && ToIntersectionId == other.ToIntersectionId
        && DistrictId == other.DistrictId
        && LengthMetres.Equals(other.LengthMetres)
        && FreeFlowSpeedKmh.Equals(other.FreeFlowSpeedKmh)
        && Lanes == other.Lanes
        && Geometry.SequenceEqual(other.Geometry);

    public override int GetHashCode() => HashCode.Combine(Id, FromIntersectionId, ToIntersectionId, DistrictId, LengthMetres, FreeFlowSpeedKmh, Lanes, Geometry.Count);
}

/// <summary>The road segment nearest a point and how far from it the point is.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.RoadSegmentMatch")]
public sealed record RoadSegmentMatch(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] double DistanceMetres);
