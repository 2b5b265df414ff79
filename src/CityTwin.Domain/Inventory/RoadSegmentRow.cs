namespace CityTwin.Domain.Inventory;

/// <summary>
/// One road segment read from an inventory file: a polyline from one intersection to another, in one
/// district. <see cref="LengthMetres"/> is the length given in the file, or the geometry's when none was.
/// Checked by <see cref="RoadSegmentRules"/>.
/// </summary>
public sealed record RoadSegmentRow(
    int Row,
    string SegmentId,
    string FromIntersectionId,
    string ToIntersectionId,
    string DistrictId,
    IReadOnlyList<GeoCoordinate> Points,
    double LengthMetres,
    double FreeFlowSpeedKmh,
    int Lanes);
