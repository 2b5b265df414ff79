using CityTwin.Routing.Tests.Solving;

namespace CityTwin.Routing.Tests.Zoning;

public class RoutePlannerTests
{
    [Fact]
    public async Task A_large_problem_is_zoned_and_every_stop_is_served_once_within_capacity()
    {
        var problem = SampleProblems.Scattered(400, 8, seed: 6, TimeSpan.FromSeconds(2));

        var solution = await RoutePlanner.PlanAsync(problem, new RoutePlannerOptions(MaxStopsPerZone: 100));

        Assert.Equal(problem.Stops(), solution.Routes.SelectMany(r => r.Stops).Order());
        Assert.All(solution.Routes, route => Assert.InRange(route.Load, 0, problem.Vehicles[route.Vehicle].Capacity));
        Assert.Equal(solution.Routes.Select(r => r.Vehicle), Enumerable.Range(0, 8));
        var costs = problem.Costs.Matrix([.. Enumerable.Range(0, problem.NodeCount)]);
        Assert.Equal(solution.Routes.Sum(r => r.Stops.Prepend(0).Append(0).Zip(r.Stops.Append(0), (a, b) => costs[a][b]).Sum()), solution.Cost);
    }

    [Fact]
    public async Task Zoned_routes_stay_inside_their_zone()
    {
        var problem = SampleProblems.Scattered(300, 6, seed: 7, TimeSpan.FromSeconds(2));
        var zones = CityTwin.Routing.Zoning.SweepZoning.Split(problem, 3);

        var solution = await RoutePlanner.PlanAsync(problem, new RoutePlannerOptions(MaxStopsPerZone: 100));

        foreach (var zone in zones)
        {
            var served = zone.Vehicles.SelectMany(v => solution.Routes[v].Stops).Order();
            Assert.Equal(zone.Stops.Order(), served);
        }
    }

    [Fact]
    public async Task Cancelling_a_zoned_plan_stops_every_zone()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var planning = RoutePlanner.PlanAsync(SampleProblems.Scattered(400, 8, seed: 8, TimeSpan.FromHours(1)), new RoutePlannerOptions(MaxStopsPerZone: 100), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => planning.WaitAsync(TimeSpan.FromMinutes(1)));
    }
}
