using CityTwin.Routing.Problems;

namespace CityTwin.Routing.Tests.Solving;

/// <summary>Small problems built for one rule each.</summary>
internal static class SampleProblems
{
    /// <summary>Depot at x = 0 and stops at the given x, one vehicle per capacity, costs = distance along the line.</summary>
    public static RoutingProblem OnALine(long[] stopXs, long[]? demands = null, long[]? capacities = null) => new()
    {
        Costs = TravelCosts.Euclidean(stopXs.Prepend(0).Select(x => new PlanePoint(x, 0)).ToArray()),
        Demands = (demands ?? stopXs.Select(_ => 1L).ToArray()).Prepend(0).ToArray(),
        Vehicles = (capacities ?? [stopXs.Length]).Select(c => new Vehicle(c, 0)).ToArray(),
        TimeLimit = TimeSpan.FromSeconds(1),
    };

    /// <summary>Random stops on a 1,000 × 1,000 square around a central depot, demand 1 each.</summary>
    public static RoutingProblem Scattered(int stops, int vehicles, int seed, TimeSpan timeLimit)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, stops).Select(_ => new PlanePoint(random.Next(1000), random.Next(1000))).Prepend(new PlanePoint(500, 500)).ToArray();
        var capacity = (stops + vehicles - 1) / vehicles + 5;
        return new RoutingProblem
        {
            Costs = TravelCosts.Euclidean(points),
            Demands = points.Select((_, i) => i == 0 ? 0L : 1L).ToArray(),
            Vehicles = Enumerable.Range(0, vehicles).Select(_ => new Vehicle(capacity, 0)).ToArray(),
            TimeLimit = timeLimit,
        };
    }
}
