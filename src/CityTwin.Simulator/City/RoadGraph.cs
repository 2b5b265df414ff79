using CityTwin.Domain.Common;

namespace CityTwin.Simulator.City;

/// <summary>The city's road network as a directed graph: segments into and out of each intersection, and fastest paths.</summary>
public sealed class RoadGraph
{
    private readonly Dictionary<string, CityIntersection> nodes;
    private readonly Dictionary<string, List<CitySegment>> outOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CitySegment>> into = new(StringComparer.Ordinal);

    public RoadGraph(SimulatedCity city)
    {
        nodes = city.Intersections.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var segment in city.Segments)
        {
            Add(outOf, segment.FromId, segment);
            Add(into, segment.ToId, segment);
        }
    }

    public CityIntersection Node(string id) => nodes[id];

    public IReadOnlyList<CitySegment> Into(string intersectionId) => into.TryGetValue(intersectionId, out var list) ? list : [];

    public IReadOnlyList<CitySegment> OutOf(string intersectionId) => outOf.TryGetValue(intersectionId, out var list) ? list : [];

    /// <summary>The intersection of <paramref name="districtId"/> nearest a point.</summary>
    public CityIntersection Nearest(string districtId, double latitude, double longitude) =>
        nodes.Values.Where(n => n.DistrictId == districtId)
            .MinBy(n => GeoDistance.HaversineMetres(latitude, longitude, n.Latitude, n.Longitude))!;

    /// <summary>The fastest path at free-flow speeds (Dijkstra); empty when from is to or no path exists.</summary>
    public IReadOnlyList<CitySegment> Path(string fromId, string toId)
    {
        if (fromId == toId)
            return [];
        var best = new Dictionary<string, (double Seconds, CitySegment? Via)>(StringComparer.Ordinal) { [fromId] = (0, null) };
        var queue = new PriorityQueue<string, double>();
        queue.Enqueue(fromId, 0);
        while (queue.TryDequeue(out var node, out var seconds))
        {
            if (node == toId)
                break;
            if (seconds > best[node].Seconds)
                continue;
            foreach (var segment in OutOf(node))
            {
                var arrival = seconds + segment.LengthMetres / (segment.FreeFlowSpeedKmh / 3.6);
                if (!best.TryGetValue(segment.ToId, out var known) || arrival < known.Seconds)
                {
                    best[segment.ToId] = (arrival, segment);
                    queue.Enqueue(segment.ToId, arrival);
                }
            }
        }
        if (!best.ContainsKey(toId))
            return [];
        var path = new List<CitySegment>();
        for (var at = toId; best[at].Via is { } via; at = via.FromId)
            path.Add(via);
        path.Reverse();
        return path;
    }

    private static void Add(Dictionary<string, List<CitySegment>> index, string key, CitySegment segment)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(segment);
    }
}
