using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Inventory;

namespace CityTwin.Grains.Inventory;

/// <summary>
/// One district's road segments as they were read, with what is derived from them: the segment
/// nearest a point (through the domain's grid index, built on first use) and an intersection's
/// approaches and outgoing segments.
/// </summary>
public sealed class DistrictRoadNetwork
{
    private readonly Lazy<RoadNetwork> index;

    public DistrictRoadNetwork(string districtId, IEnumerable<RoadSegment> segments)
    {
        DistrictId = districtId;
        Segments = [.. segments.OrderBy(s => s.Id, StringComparer.Ordinal)];
        index = new Lazy<RoadNetwork>(() => new RoadNetwork(Segments.Select(s =>
            new RoadPolyline(s.Id, [.. s.Geometry.Select(p => new GeoCoordinate(p.Latitude, p.Longitude))]))));
    }

    public string DistrictId { get; }

    /// <summary>Ordered by id.</summary>
    public IReadOnlyList<RoadSegment> Segments { get; }

    public RoadSegmentMatch? Nearest(GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return index.Value.Nearest(new GeoCoordinate(point.Latitude, point.Longitude), RoadNetworks.AttachDistanceMetres) is { } match
            ? new RoadSegmentMatch(match.SegmentId, match.DistanceMetres)
            : null;
    }

    /// <summary>
    /// The intersection as the network draws it: the segments ending at it are its approaches (one
    /// each, named after the segment), those starting at it its outgoing segments. Null when no
    /// segment ends at it, since an intersection without an approach has no traffic to model.
    /// Saturation flows and signal phases are left to the intersection's own defaults.
    /// </summary>
    public IntersectionSpec? IntersectionSpec(string intersectionId)
    {
        var approaches = Segments
            .Where(s => s.ToIntersectionId == intersectionId)
            .Select(s => new ApproachSpec(s.Id, s.Id, s.FreeFlowSpeedKmh, s.Lanes, SaturationFlow: null, Phase: null))
            .ToList();
        if (approaches.Count == 0)
            return null;
        var outgoing = Segments
            .Where(s => s.FromIntersectionId == intersectionId)
            .Select(s => new OutgoingSegmentSpec(s.Id, s.ToIntersectionId, s.LengthMetres, s.FreeFlowSpeedKmh))
            .ToList();
        return new IntersectionSpec(approaches, outgoing);
    }
}
