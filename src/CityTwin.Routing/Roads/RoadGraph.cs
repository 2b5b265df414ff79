using CityTwin.Domain.Intersections;
using CityTwin.Domain.Inventory;

namespace CityTwin.Routing.Roads;

/// <summary>A directed road segment from one intersection to another; a two-way street is two links.</summary>
public sealed record RoadLink(string FromIntersectionId, OutgoingSegment Segment)
{
    public string SegmentId => Segment.Id;

    public string ToIntersectionId => Segment.ToIntersectionId;

    public static RoadLink From(RoadSegmentRow row) =>
        new(row.FromIntersectionId, new OutgoingSegment(row.SegmentId, row.ToIntersectionId, row.LengthMetres, row.FreeFlowSpeedKmh));

    /// <summary>The segments leaving an intersection, as its provisioning lists them.</summary>
    public static IEnumerable<RoadLink> From(string intersectionId, IntersectionParameters parameters) =>
        parameters.OutgoingSegments.Select(segment => new RoadLink(intersectionId, segment));
}

/// <summary>
/// The road network as a directed graph: intersections are vertices, segments are links. Built once per
/// network and shared by every travel-time matrix computed over it.
/// </summary>
public sealed class RoadGraph
{
    private readonly Dictionary<string, int> intersections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> linkIndex = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">A segment id is used twice.</exception>
    public RoadGraph(IEnumerable<RoadLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        Links = [.. links];
        LinkFrom = new int[Links.Count];
        LinkTo = new int[Links.Count];
        for (var i = 0; i < Links.Count; i++)
        {
            if (!linkIndex.TryAdd(Links[i].SegmentId, i))
                throw new ArgumentException($"segment '{Links[i].SegmentId}' is given twice", nameof(links));
            LinkFrom[i] = IntersectionIndex(Links[i].FromIntersectionId);
            LinkTo[i] = IntersectionIndex(Links[i].ToIntersectionId);
        }

        // Outgoing links per intersection in compressed rows: those of intersection k are
        // OutgoingLinks[OutgoingStart[k] .. OutgoingStart[k + 1]).
        OutgoingStart = new int[IntersectionCount + 1];
        foreach (var from in LinkFrom)
            OutgoingStart[from + 1]++;
        for (var k = 0; k < IntersectionCount; k++)
            OutgoingStart[k + 1] += OutgoingStart[k];
        OutgoingLinks = new int[Links.Count];
        var fill = OutgoingStart[..^1].ToArray();
        for (var i = 0; i < Links.Count; i++)
            OutgoingLinks[fill[LinkFrom[i]]++] = i;
    }

    public IReadOnlyList<RoadLink> Links { get; }

    public int IntersectionCount => intersections.Count;

    internal int[] LinkFrom { get; }

    internal int[] LinkTo { get; }

    internal int[] OutgoingStart { get; }

    internal int[] OutgoingLinks { get; }

    /// <summary>The link's index, or -1 when the network has no such segment.</summary>
    public int LinkOf(string segmentId) => linkIndex.GetValueOrDefault(segmentId, -1);

    private int IntersectionIndex(string id)
    {
        if (!intersections.TryGetValue(id, out var index))
            intersections[id] = index = intersections.Count;
        return index;
    }
}
