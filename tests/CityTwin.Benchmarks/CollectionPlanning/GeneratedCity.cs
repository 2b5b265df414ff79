using CityTwin.Domain.Intersections;
using CityTwin.Routing.Problems;
using CityTwin.Routing.Roads;

namespace CityTwin.Benchmarks.CollectionPlanning;

/// <summary>
/// A generated district for the planning benchmarks: a square street grid with 150 m blocks, every street
/// two-way (one link per direction), main roads at 50 km/h every fifth street and side streets at 30 km/h.
/// Live conditions like a weekday morning: one link in ten congested (plate-matched samples at 1.5 to 3
/// times free flow), one intersection in fifty stale, one link in a hundred closed. Bins sit on random
/// open links; the depot is on the link nearest the centre; demand is kg of waste (20 to 120 per bin),
/// 40 s of service per bin, a 10-hour shift, and the fleet carries 20% more than the demand.
/// </summary>
public sealed class GeneratedCity
{
    public const double BlockMetres = 150;
    public const long ServiceSeconds = 40;
    public const long ShiftSeconds = 10 * 3600;

    private GeneratedCity(RoutingProblem problem, int streets, int congested, int closed, int stale)
    {
        Problem = problem;
        Streets = streets;
        CongestedLinks = congested;
        ClosedLinks = closed;
        StaleIntersections = stale;
    }

    public RoutingProblem Problem { get; }

    /// <summary>Streets per side of the grid.</summary>
    public int Streets { get; }

    public int CongestedLinks { get; }

    public int ClosedLinks { get; }

    public int StaleIntersections { get; }

    /// <param name="bins">Bins to collect; the grid grows with them (about 1.4 bins per link).</param>
    public static GeneratedCity Create(int bins, int trucks, TimeSpan timeLimit, int seed)
    {
        var random = new Random(seed);
        var streets = (int)Math.Ceiling(Math.Sqrt(bins / 5.6)) + 2;
        var links = new List<RoadLink>();
        var ends = new List<(double X1, double Y1, double X2, double Y2)>();
        for (var row = 0; row < streets; row++)
        {
            for (var column = 0; column < streets; column++)
            {
                if (column + 1 < streets)
                    AddStreet(row, column, row, column + 1, isMain: row % 5 == 0);
                if (row + 1 < streets)
                    AddStreet(row, column, row + 1, column, isMain: column % 5 == 0);
            }
        }

        var closed = links.Where(_ => random.NextDouble() < 0.01).Select(l => l.SegmentId).ToHashSet();
        var staleIds = Enumerable.Range(0, streets * streets).Where(_ => random.NextDouble() < 0.02).Select(k => Id(k / streets, k % streets)).ToHashSet();
        var traffic = links
            .Where(_ => random.NextDouble() < 0.1)
            .GroupBy(l => l.FromIntersectionId)
            .Select(g => new IntersectionTraffic(g.Key, staleIds.Contains(g.Key), g.Select(l =>
            {
                var freeFlow = TravelTimes.FreeFlowSeconds(l.Segment);
                return new SegmentTravelTime(l.SegmentId, l.ToIntersectionId, freeFlow, freeFlow * (1.5 + 1.5 * random.NextDouble()), TravelTimeSource.Samples, 5);
            }).ToArray()))
            .ToArray();
        var conditions = new RoadConditions(traffic, closed);
        var graph = new RoadGraph(links);

        var open = Enumerable.Range(0, links.Count).Where(i => !closed.Contains(links[i].SegmentId)).ToArray();
        var centre = (streets - 1) * BlockMetres / 2;
        var depotLink = open.MinBy(i => Math.Abs(ends[i].X1 - centre) + Math.Abs(ends[i].Y1 - centre));
        var positions = new List<RoadPosition> { new(links[depotLink].SegmentId, 0.5) };
        var plane = new List<PlanePoint> { At(depotLink, 0.5) };
        for (var b = 0; b < bins; b++)
        {
            var link = open[random.Next(open.Length)];
            var fraction = Math.Round(random.NextDouble(), 3);
            positions.Add(new(links[link].SegmentId, fraction));
            plane.Add(At(link, fraction));
        }

        var demands = plane.Select((_, i) => i == 0 ? 0L : random.Next(20, 121)).ToArray();
        var capacity = (long)Math.Ceiling(demands.Sum() * 1.2 / trucks);
        var problem = new RoutingProblem
        {
            Costs = new RoadTravelTimes(graph, conditions, positions),
            Demands = demands,
            Vehicles = Enumerable.Repeat(new Vehicle(capacity, 0), trucks).ToArray(),
            ServiceTimes = demands.Select((_, i) => i == 0 ? 0 : ServiceSeconds).ToArray(),
            TimeWindows = demands.Select((_, i) => i == 0 ? new TimeWindow(0, ShiftSeconds) : (TimeWindow?)null).ToArray(),
            Positions = plane,
            TimeLimit = timeLimit,
        };
        return new GeneratedCity(problem, streets, traffic.Sum(t => t.Outgoing.Count), closed.Count, staleIds.Count);

        void AddStreet(int row1, int column1, int row2, int column2, bool isMain)
        {
            var speed = isMain ? 50 : 30;
            var (a, b) = (Id(row1, column1), Id(row2, column2));
            links.Add(new RoadLink(a, new OutgoingSegment($"{a}>{b}", b, BlockMetres, speed)));
            ends.Add((column1 * BlockMetres, row1 * BlockMetres, column2 * BlockMetres, row2 * BlockMetres));
            links.Add(new RoadLink(b, new OutgoingSegment($"{b}>{a}", a, BlockMetres, speed)));
            ends.Add((column2 * BlockMetres, row2 * BlockMetres, column1 * BlockMetres, row1 * BlockMetres));
        }

        PlanePoint At(int link, double fraction) => new(
            ends[link].X1 + fraction * (ends[link].X2 - ends[link].X1),
            ends[link].Y1 + fraction * (ends[link].Y2 - ends[link].Y1));
    }

    private static string Id(int row, int column) => $"i{row}-{column}";
}
