using CityTwin.Routing.CvrpLib;
using CityTwin.Routing.Solving;

namespace CityTwin.Routing.Tests.CvrpLib;

public class CvrpLibSolveTests
{
    [Theory]
    [MemberData(nameof(PublishedInstances.WithOptimum), MemberType = typeof(PublishedInstances))]
    public async Task A_published_instance_is_solved_within_5_percent_of_its_proven_optimum(string name, long optimum)
    {
        var instance = CvrpLibReader.ReadFile(PublishedInstances.PathOf(name));
        var problem = instance.ToProblem(PublishedInstances.TimeLimit);

        var solution = await VehicleRoutingSolver.SolveAsync(problem);

        Assert.InRange(solution.Cost, optimum, optimum * 105 / 100);
        Assert.Equal(Enumerable.Range(1, instance.Dimension - 1), solution.Routes.SelectMany(r => r.Stops).Order());
        Assert.All(solution.Routes, route => Assert.InRange(route.Load, 0, instance.Capacity));
        Assert.All(solution.Routes, route => Assert.Equal(route.Stops.Sum(stop => instance.Demands[stop]), route.Load));
        Assert.Equal(solution.Routes.Sum(RecomputedCost), solution.Cost);

        long RecomputedCost(VehicleRoute route)
        {
            var path = route.Stops.Prepend(0).Append(0).ToArray();
            var costs = problem.Costs.Matrix([.. Enumerable.Range(0, instance.Dimension)]);
            return path.Zip(path.Skip(1), (from, to) => costs[from][to]).Sum();
        }
    }
}
