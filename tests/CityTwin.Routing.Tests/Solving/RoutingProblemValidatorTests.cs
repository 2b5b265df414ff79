using CityTwin.Routing.Problems;
using CityTwin.Routing.Solving;

namespace CityTwin.Routing.Tests.Solving;

public class RoutingProblemValidatorTests
{
    private static RoutingProblemException Refused(RoutingProblem problem) =>
        Assert.Throws<RoutingProblemException>(() => VehicleRoutingSolver.Solve(problem));

    [Fact]
    public void A_valid_problem_has_no_violations() =>
        Assert.Empty(RoutingProblemValidator.Validate(SampleProblems.OnALine([10, 20])));

    [Fact]
    public void Total_demand_beyond_total_capacity_is_refused_with_both_numbers()
    {
        var error = Refused(SampleProblems.OnALine([10, 20, 30], demands: [4, 4, 4], capacities: [5, 5]));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("demands", violation.Field);
        Assert.Equal("total demand 12 exceeds total capacity 10 of 2 vehicles", violation.Message);
    }

    [Fact]
    public async Task The_asynchronous_entry_point_refuses_before_starting_a_search() =>
        await Assert.ThrowsAsync<RoutingProblemException>(() =>
            VehicleRoutingSolver.SolveAsync(SampleProblems.OnALine([10], demands: [9], capacities: [5])));

    [Fact]
    public void A_stop_heavier_than_every_vehicle_is_named() =>
        Assert.Contains(Refused(SampleProblems.OnALine([10, 20], demands: [1, 7], capacities: [6, 6])).Violations,
            v => v.Message == "node 2 has demand 7, more than the largest vehicle capacity 6");

    [Fact]
    public void A_depot_with_demand_is_refused()
    {
        var problem = SampleProblems.OnALine([10, 20]) with { Demands = [3, 1, 1] };

        Assert.Equal("node 0 is a depot but has demand 3; a depot's demand must be 0", Assert.Single(Refused(problem).Violations).Message);
    }

    [Fact]
    public void Lists_of_the_wrong_length_name_their_field()
    {
        var problem = SampleProblems.OnALine([10, 20]) with { ServiceTimes = [0, 5], TimeWindows = [null] };

        var error = Refused(problem);

        Assert.Equal(["serviceTimes", "timeWindows"], error.Violations.Select(v => v.Field));
        Assert.Contains("has 2 entries for 3 nodes", error.Message);
    }

    [Fact]
    public void A_vehicle_at_a_node_that_does_not_exist_is_refused() =>
        Assert.Equal("vehicle 1 ends at node 7, outside 0..2",
            Assert.Single(Refused(SampleProblems.OnALine([10, 20]) with { Vehicles = [new(5, 0), new(5, 0, 7)] }).Violations).Message);

    [Fact]
    public void Negative_demands_service_times_and_inverted_windows_are_each_reported()
    {
        var problem = SampleProblems.OnALine([10, 20]) with
        {
            Demands = [0, -1, 1],
            ServiceTimes = [0, 0, -5],
            TimeWindows = [null, new TimeWindow(50, 40), null],
        };

        Assert.Equal(
            ["node 1 has demand -1; demands must not be negative", "node 1 has window [50, 40]; it needs 0 <= open <= close", "node 2 has service time -5; it must not be negative"],
            Refused(problem).Violations.Select(v => v.Message));
    }

    [Fact]
    public void A_time_limit_must_be_positive() =>
        Assert.Equal("timeLimit", Assert.Single(Refused(SampleProblems.OnALine([10]) with { TimeLimit = TimeSpan.Zero }).Violations).Field);

    [Fact]
    public void A_matrix_that_is_not_square_or_has_negative_costs_is_refused_where_it_is_wrong()
    {
        var ragged = Assert.Throws<RoutingProblemException>(() => TravelCosts.FromMatrix([[0, 1], [1]]));
        var negative = Assert.Throws<RoutingProblemException>(() => TravelCosts.FromMatrix([[0, 1], [-3, 0]]));

        Assert.Equal("row 1 has 1 entries; a matrix of 2 nodes needs 2", Assert.Single(ragged.Violations).Message);
        Assert.Equal("entry [1][0] is -3: costs must not be negative", Assert.Single(negative.Violations).Message);
    }
}
