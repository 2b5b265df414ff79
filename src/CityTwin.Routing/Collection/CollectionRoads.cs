using CityTwin.Domain.Common;
using CityTwin.Domain.Intersections;
using CityTwin.Domain.Inventory;
using CityTwin.Routing.Roads;

namespace CityTwin.Routing.Collection;

/// <summary>What a point is to a truck: where it starts, where it comes back to, or a stop on the way.</summary>
public enum RoadEnd
{
    Departure,
    Arrival,

    /// <summary>A bin: of two equally near segments (the two sides of a street), the one whose id sorts first.</summary>
    Stop,
}

/// <summary>A one-way road segment with its shape, as the district's road network stores it.</summary>
public sealed record RoadShape(
    string SegmentId,
    string FromIntersectionId,
    string ToIntersectionId,
    IReadOnlyList<GeoCoordinate> Points,
    double LengthMetres,
    double FreeFlowSpeedKmh);

/// <summary>
/// The district's roads for one plan: the graph travel times are computed on, and where a point (a bin, a
/// depot, a truck) joins it. A point joins the nearest open segment within <see cref="AttachDistanceMetres"/>,
/// so a bin on a closed street is collected from the nearest street still open. When segments are equally
/// near (a point at an intersection, or on a two-way street), <see cref="RoadEnd"/> decides: a truck leaving
/// the point takes the segment it lies furthest along (it has arrived, and may leave in any direction), a
/// truck coming back to it the one it lies nearest the start of (reached from any direction, nothing more to
/// drive), and a bin the one whose id sorts first, so the same roads always give the same answer.
/// </summary>
public sealed class CollectionRoads
{
    /// <summary>As for attaching any asset to its street (see the road network grain): 200 m.</summary>
    public const double AttachDistanceMetres = 200;

    /// <summary>Distances this close are a tie: GPS and geometry are not better than that.</summary>
    private const double TieMetres = 0.5;

    private readonly IReadOnlyList<RoadShape> open;

    public CollectionRoads(IEnumerable<RoadShape> segments, IEnumerable<string> closedSegmentIds)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(closedSegmentIds);
        var all = segments.OrderBy(s => s.SegmentId, StringComparer.Ordinal).ToList();
        Closed = closedSegmentIds.ToHashSet(StringComparer.Ordinal);
        open = [.. all.Where(s => !Closed.Contains(s.SegmentId) && s.Points.Count > 0)];
        Graph = new RoadGraph(all.Select(s => new RoadLink(
            s.FromIntersectionId, new OutgoingSegment(s.SegmentId, s.ToIntersectionId, s.LengthMetres, s.FreeFlowSpeedKmh))));
        IntersectionIds = [.. all.SelectMany(s => new[] { s.FromIntersectionId, s.ToIntersectionId }).Distinct(StringComparer.Ordinal)];
    }

    public RoadGraph Graph { get; }

    public IReadOnlySet<string> Closed { get; }

    public IReadOnlyList<string> IntersectionIds { get; }

    /// <summary>Where the point joins the open roads, or null when no open segment is within reach.</summary>
    public RoadPosition? Attach(GeoCoordinate point, RoadEnd end = RoadEnd.Stop)
    {
        (RoadShape Segment, double Distance, double Fraction)? best = null;
        foreach (var segment in open)
        {
            var (distance, fraction) = Project(point, segment.Points);
            if (distance > AttachDistanceMetres)
                continue;
            if (best is not { } b
                || distance < b.Distance - TieMetres
                || (Math.Abs(distance - b.Distance) <= TieMetres && end switch
                {
                    RoadEnd.Departure => fraction > b.Fraction,
                    RoadEnd.Arrival => fraction < b.Fraction,
                    _ => false,
                }))
                best = (segment, distance, fraction);
        }
        return best is { } found ? new RoadPosition(found.Segment.SegmentId, found.Fraction) : null;
    }

    /// <summary>
    /// Distance from the point to the polyline, and how far along the polyline (0..1 of its length) its
    /// nearest point lies; on a local flat projection around the point, exact enough over a street's length.
    /// </summary>
    public static (double DistanceMetres, double Fraction) Project(GeoCoordinate point, IReadOnlyList<GeoCoordinate> polyline)
    {
        ArgumentNullException.ThrowIfNull(polyline);
        if (polyline.Count == 1)
            return (GeoMath.DistanceMetres(point, polyline[0]), 0);
        var metresPerDegree = Math.PI / 180 * GeoDistance.EarthRadiusMetres;
        var metresPerDegreeEast = metresPerDegree * Math.Cos(point.Latitude * Math.PI / 180);
        (double East, double North) Local(GeoCoordinate c) =>
            (GeoMath.LongitudeDelta(point.Longitude, c.Longitude) * metresPerDegreeEast, (c.Latitude - point.Latitude) * metresPerDegree);

        var total = 0.0;
        var bestSquared = double.MaxValue;
        var bestAlong = 0.0;
        var previous = Local(polyline[0]);
        for (var i = 1; i < polyline.Count; i++)
        {
            var next = Local(polyline[i]);
            var (dx, dy) = (next.East - previous.East, next.North - previous.North);
            var legSquared = dx * dx + dy * dy;
            var t = legSquared == 0 ? 0 : Math.Clamp(-(previous.East * dx + previous.North * dy) / legSquared, 0, 1);
            var (ex, ey) = (previous.East + t * dx, previous.North + t * dy);
            var squared = ex * ex + ey * ey;
            var leg = Math.Sqrt(legSquared);
            if (squared < bestSquared)
                (bestSquared, bestAlong) = (squared, total + t * leg);
            total += leg;
            previous = next;
        }
        return (Math.Sqrt(bestSquared), total == 0 ? 0 : Math.Clamp(bestAlong / total, 0, 1));
    }
}

/// <summary>Driving times along a fixed sequence of points, for comparing a route's remaining legs with the plan's.</summary>
public static class RoadPaths
{
    /// <summary>Seconds to drive through <paramref name="path"/> in order; null when a point is off the open roads or cut off.</summary>
    public static long? Seconds(CollectionRoads roads, RoadConditions conditions, IReadOnlyList<GeoCoordinate> path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count < 2)
            return 0;
        var positions = new List<RoadPosition>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            if (roads.Attach(path[i], i == 0 ? RoadEnd.Departure : i == path.Count - 1 ? RoadEnd.Arrival : RoadEnd.Stop) is not { } position)
                return null;
            positions.Add(position);
        }
        try
        {
            var times = new RoadTravelTimes(roads.Graph, conditions, positions);
            var matrix = times.Matrix([.. Enumerable.Range(0, positions.Count)], cancellationToken);
            return Enumerable.Range(0, positions.Count - 1).Sum(i => matrix[i][i + 1]);
        }
        catch (Problems.RoutingProblemException)
        {
            return null;
        }
    }
}
