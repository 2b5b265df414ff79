using CityTwin.Routing.Problems;
using CityTwin.Routing.Solving;

namespace CityTwin.Routing.Tests.Solving;

public class VehicleRoutingSolverTests
{
    [Fact]
    public void A_matrix_problem_is_solved_on_its_integer_costs()
    {
        // Asymmetric: 0 → 1 → 2 → 0 costs 3, the other way round 30.
        var problem = new RoutingProblem
        {
            Costs = TravelCosts.FromMatrix([[0, 1, 10], [10, 0, 1], [1, 10, 0]]),
            Demands = [0, 1, 1],
            Vehicles = [new(2, 0)],
            TimeLimit = TimeSpan.FromSeconds(1),
        };

        var solution = VehicleRoutingSolver.Solve(problem);

        Assert.Equal([1, 2], solution.Routes[0].Stops);
        Assert.Equal(3, solution.Cost);
    }

    [Fact]
    public void Capacity_splits_stops_between_vehicles()
    {
        var solution = VehicleRoutingSolver.Solve(SampleProblems.OnALine([10, 20, 30, 40], demands: [3, 3, 3, 3], capacities: [6, 6]));

        Assert.All(solution.Routes, route => Assert.Equal(6, route.Load));
        Assert.Equal([1, 2, 3, 4], solution.Routes.SelectMany(r => r.Stops).Order());
    }

    [Fact]
    public void Time_windows_decide_the_order_even_against_distance()
    {
        // Stop 1 at x = 10 opens only at 100; stop 2 at x = 20 closes at 30: drive past 1 to 2 first.
        var problem = SampleProblems.OnALine([10, 20]) with
        {
            TimeWindows = [null, new TimeWindow(100, 120), new TimeWindow(0, 30)],
        };

        var route = VehicleRoutingSolver.Solve(problem).Routes[0];

        Assert.Equal([2, 1], route.Stops);
        Assert.InRange(route.Arrivals[0], 20, 30);
        Assert.InRange(route.Arrivals[1], 100, 120);
        Assert.Equal(route.Arrivals[1] + 10, route.Return);
    }

    [Fact]
    public void Service_times_delay_every_later_arrival()
    {
        // Both orders cost 40; whichever is driven, the second arrival waits for the first stop's service.
        var problem = SampleProblems.OnALine([10, 20]) with { ServiceTimes = [0, 5, 7] };
        long[] x = [0, 10, 20];
        long[] service = [0, 5, 7];

        var route = VehicleRoutingSolver.Solve(problem).Routes[0];

        var (first, second) = (route.Stops[0], route.Stops[1]);
        Assert.Equal(0, route.Departure);
        Assert.Equal(x[first], route.Arrivals[0]);
        Assert.Equal(route.Arrivals[0] + service[first] + 10, route.Arrivals[1]);
        Assert.Equal(route.Arrivals[1] + service[second] + x[second], route.Return);
        Assert.Equal(40 + 12, route.Return - route.Departure);
    }

    [Fact]
    public void A_depot_window_bounds_the_shift_and_too_tight_windows_fail_with_a_reason()
    {
        // Going out to x = 50 and back takes 100, but the depot closes at 60.
        var problem = SampleProblems.OnALine([50]) with { TimeWindows = [new TimeWindow(0, 60), null] };

        var error = Assert.Throws<RoutingFailedException>(() => VehicleRoutingSolver.Solve(problem));

        Assert.Contains("no solution exists or none was found within 1 s", error.Message);
        Assert.Contains("time windows may be too tight", error.Message);
    }

    [Fact]
    public void A_time_limit_too_short_for_a_first_solution_says_so()
    {
        var error = Assert.Throws<RoutingFailedException>(() =>
            VehicleRoutingSolver.Solve(SampleProblems.Scattered(1000, 10, seed: 9, TimeSpan.FromMilliseconds(1))));

        Assert.Contains("ran out before a first solution was found", error.Message);
        Assert.Contains("give a 1001-node problem more time", error.Message);
    }

    [Fact]
    public void Each_vehicle_starts_and_ends_at_its_own_depot()
    {
        // Depots at x = 0 (node 0) and x = 1,000 (node 1); two stops near each.
        var xs = new double[] { 0, 1000, 10, 20, 990, 980 };
        var problem = new RoutingProblem
        {
            Costs = TravelCosts.Euclidean(xs.Select(x => new PlanePoint(x, 0)).ToArray()),
            Demands = [0, 0, 1, 1, 1, 1],
            Vehicles = [new(2, 0), new(2, 1)],
            TimeLimit = TimeSpan.FromSeconds(1),
        };

        var solution = VehicleRoutingSolver.Solve(problem);

        Assert.Equal([2, 3], solution.Routes[0].Stops.Order());
        Assert.Equal([4, 5], solution.Routes[1].Stops.Order());
        Assert.Equal(80, solution.Cost);
    }

    [Fact]
    public void Guided_local_search_runs_until_the_time_limit_and_says_so()
    {
        var solution = VehicleRoutingSolver.Solve(SampleProblems.Scattered(40, 3, seed: 1, TimeSpan.FromMilliseconds(500)));

        Assert.True(solution.HitTimeLimit);
        Assert.True(solution.Elapsed >= TimeSpan.FromMilliseconds(450), $"stopped after {solution.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_stops_a_running_search()
    {
        using var cancellation = new CancellationTokenSource();
        var solving = VehicleRoutingSolver.SolveAsync(SampleProblems.Scattered(300, 10, seed: 2, TimeSpan.FromHours(1)), cancellation.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(solving.IsCompleted);

        cancellation.Cancel();

        // Without the cancellation the search would run for an hour; a minute is only a guard against hanging.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solving.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(solving.IsCanceled);
    }

    [Fact]
    public async Task A_token_cancelled_before_solving_starts_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            VehicleRoutingSolver.SolveAsync(SampleProblems.Scattered(10, 2, seed: 3, TimeSpan.FromHours(1)), new CancellationToken(canceled: true)));
    }
}
