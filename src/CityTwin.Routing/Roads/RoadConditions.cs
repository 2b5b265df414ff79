using CityTwin.Domain.Intersections;

namespace CityTwin.Routing.Roads;

/// <summary>What the district knows now of one intersection: its travel-time estimates and whether its device has gone stale.</summary>
/// <param name="Outgoing">From <see cref="TravelTimes.Estimate"/> over the intersection's twin.</param>
public sealed record IntersectionTraffic(string IntersectionId, bool Stale, IReadOnlyList<SegmentTravelTime> Outgoing);

/// <summary>
/// The live state of the roads a plan is made on: each intersection's travel-time estimates (from
/// <see cref="TravelTimes"/>, which already prefers plate-matched samples, then the downstream speed, then
/// free flow) and the segments the district has closed.
/// <para>Fallback when an intersection is stale: its estimates are old news (a jam that has cleared, or one
/// that formed since), so every segment leaving it is taken at free flow, and so is every segment whose
/// estimate was derived from the speed at a stale intersection it arrives at. An intersection the district
/// has no state for is treated the same way. Free flow is optimistic; it is the only figure that does not
/// depend on the silent device, and it keeps the planner from routing around congestion that is no longer
/// known to exist.</para>
/// </summary>
public sealed class RoadConditions
{
    private readonly Dictionary<string, IntersectionTraffic> traffic;

    public RoadConditions(IEnumerable<IntersectionTraffic> intersections, IEnumerable<string> closedSegments)
    {
        ArgumentNullException.ThrowIfNull(intersections);
        ArgumentNullException.ThrowIfNull(closedSegments);
        traffic = intersections.ToDictionary(t => t.IntersectionId, StringComparer.Ordinal);
        ClosedSegments = closedSegments.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>No live data and no closures: everything at free flow.</summary>
    public static RoadConditions FreeFlow { get; } = new([], []);

    public IReadOnlySet<string> ClosedSegments { get; }

    public bool IsClosed(RoadLink link) => ClosedSegments.Contains(link.SegmentId);

    /// <summary>The travel time to use for a link, and where it came from; infinite when the link is closed.</summary>
    public (double Seconds, TravelTimeSource Source) TravelTime(RoadLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (IsClosed(link))
            return (double.PositiveInfinity, TravelTimeSource.FreeFlow);
        var freeFlow = TravelTimes.FreeFlowSeconds(link.Segment);
        if (!traffic.TryGetValue(link.FromIntersectionId, out var from) || from.Stale)
            return (freeFlow, TravelTimeSource.FreeFlow);
        var estimate = from.Outgoing.FirstOrDefault(s => s.SegmentId == link.SegmentId);
        if (estimate is null || !double.IsFinite(estimate.EstimateSeconds))
            return (freeFlow, TravelTimeSource.FreeFlow);
        if (estimate.Source == TravelTimeSource.DownstreamSpeed
            && (!traffic.TryGetValue(link.ToIntersectionId, out var to) || to.Stale))
            return (freeFlow, TravelTimeSource.FreeFlow);
        return (Math.Max(freeFlow, estimate.EstimateSeconds), estimate.Source);
    }
}
