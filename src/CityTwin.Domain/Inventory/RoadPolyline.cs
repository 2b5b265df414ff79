namespace CityTwin.Domain.Inventory;

/// <summary>A road segment's id and shape: what the nearest-segment search needs of it.</summary>
public sealed record RoadPolyline(string SegmentId, IReadOnlyList<GeoCoordinate> Points);

/// <summary>The segment nearest a point and how far away it is.</summary>
public sealed record SegmentMatch(string SegmentId, double DistanceMetres);
