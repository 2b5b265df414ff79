using CityTwin.Domain.Common;
using CityTwin.Routing.Problems;
using static System.FormattableString;

namespace CityTwin.Routing.Roads;

/// <summary>
/// Travel times in whole seconds between positions on the road network under the given conditions:
/// shortest paths (Dijkstra over intersections) with each link weighted by <see cref="RoadConditions.TravelTime"/>,
/// closed links left out. From a position the truck drives the rest of its segment, then the shortest path
/// to the start of the target's segment, then the part of that segment up to the target; two positions on
/// one segment, the later ahead of the earlier, are simply that far apart along it.
/// Computed lazily for the nodes the solver asks for (a zone's), one Dijkstra per distinct segment end the
/// sources lie on. A problem's node i is <c>positions[i]</c>.
/// </summary>
public sealed class RoadTravelTimes : TravelCosts
{
    private readonly RoadGraph graph;
    private readonly IReadOnlyList<RoadPosition> positions;
    private readonly int[] linkOfPosition;
    private readonly double[] linkSeconds;

    /// <exception cref="RoutingProblemException">A position names an unknown segment, lies outside 0..1, or is on a closed segment.</exception>
    public RoadTravelTimes(RoadGraph graph, RoadConditions conditions, IReadOnlyList<RoadPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(positions);
        this.graph = graph;
        this.positions = positions;
        linkSeconds = graph.Links.Select(link => conditions.TravelTime(link).Seconds).ToArray();
        linkOfPosition = new int[positions.Count];
        var violations = new List<RuleViolation>();
        for (var i = 0; i < positions.Count && violations.Count < 20; i++)
        {
            var link = linkOfPosition[i] = graph.LinkOf(positions[i].SegmentId);
            if (link < 0)
                violations.Add(new("positions", Invariant($"node {i} is on segment '{positions[i].SegmentId}', which the road network does not have")));
            else if (!(positions[i].Fraction is >= 0 and <= 1))
                violations.Add(new("positions", Invariant($"node {i} is at fraction {positions[i].Fraction} of its segment; it must be within 0..1")));
            else if (double.IsPositiveInfinity(linkSeconds[link]))
                violations.Add(new("positions", Invariant($"node {i} is on segment '{positions[i].SegmentId}', which is closed: no truck can reach it")));
        }
        RoutingProblemException.ThrowIfAny(violations);
    }

    public override int NodeCount => positions.Count;

    /// <exception cref="RoutingProblemException">Closed segments cut some node off from another.</exception>
    public override long[][] Matrix(IReadOnlyList<int> nodes, CancellationToken cancellationToken = default)
    {
        var fromIntersection = new Dictionary<int, double[]>();
        var result = new long[nodes.Count][];
        var unreachable = new List<RuleViolation>();
        for (var i = 0; i < nodes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = nodes[i];
            var sourceLink = linkOfPosition[source];
            var exit = graph.LinkTo[sourceLink];
            if (!fromIntersection.TryGetValue(exit, out var distances))
                fromIntersection[exit] = distances = ShortestFrom(exit);
            var toExit = (1 - positions[source].Fraction) * linkSeconds[sourceLink];

            var row = result[i] = new long[nodes.Count];
            for (var j = 0; j < nodes.Count; j++)
            {
                var target = nodes[j];
                var seconds = Seconds(source, target, toExit, distances);
                if (double.IsPositiveInfinity(seconds))
                {
                    if (unreachable.Count < 20)
                        unreachable.Add(new("positions", Invariant($"node {target} cannot be reached from node {source}: closed segments cut it off")));
                    continue;
                }
                row[j] = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
            }
        }
        RoutingProblemException.ThrowIfAny(unreachable);
        return result;
    }

    private double Seconds(int source, int target, double toExit, double[] distances)
    {
        if (source == target)
            return 0;
        var (from, to) = (positions[source], positions[target]);
        var targetLink = linkOfPosition[target];
        if (linkOfPosition[source] == targetLink && to.Fraction >= from.Fraction)
            return (to.Fraction - from.Fraction) * linkSeconds[targetLink];
        return toExit + distances[graph.LinkFrom[targetLink]] + to.Fraction * linkSeconds[targetLink];
    }

    /// <summary>Seconds from one intersection to every other (infinity where closed links cut it off).</summary>
    private double[] ShortestFrom(int origin)
    {
        var distances = new double[graph.IntersectionCount];
        Array.Fill(distances, double.PositiveInfinity);
        distances[origin] = 0;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(origin, 0);
        while (queue.TryDequeue(out var intersection, out var distance))
        {
            if (distance > distances[intersection])
                continue;
            for (var k = graph.OutgoingStart[intersection]; k < graph.OutgoingStart[intersection + 1]; k++)
            {
                var link = graph.OutgoingLinks[k];
                var through = distance + linkSeconds[link];
                var next = graph.LinkTo[link];
                if (through < distances[next])
                {
                    distances[next] = through;
                    queue.Enqueue(next, through);
                }
            }
        }
        return distances;
    }
}
