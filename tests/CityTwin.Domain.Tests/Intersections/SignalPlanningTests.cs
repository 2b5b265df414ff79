using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class SignalPlanningTests
{
    // Two phases (north/south, east/west), 4 s lost each, so L = 8 s; every approach saturates at 3600 veh/h.
    private readonly IntersectionParameters _twoPhases = Crossroads.Parameters();

    private static int[] Greens(SignalPlan plan) => plan.Phases.Select(p => p.GreenSeconds).ToArray();

    [Fact]
    public void The_cycle_follows_webster_and_greens_split_by_flow_ratio()
    {
        // y = 1440/3600 = 0.4 and 1080/3600 = 0.3, Y = 0.7: C0 = (1.5 × 8 + 5) / 0.3 = 56.7 s.
        var plan = SignalPlanning.Plan(_twoPhases, [1440, 1080, 720, 360]);

        Assert.Equal(57, plan.CycleSeconds);
        Assert.Equal([28, 21], Greens(plan));
        Assert.Equal(0.7, plan.FlowRatioSum);
        Assert.False(plan.Oversaturated);
    }

    [Fact]
    public void A_phase_is_as_loaded_as_its_busiest_approach()
    {
        var plan = SignalPlanning.Plan(_twoPhases, [360, 1080, 1440, 720]);
        Assert.Equal([0.4, 0.3], plan.Phases.Select(p => p.FlowRatio));
    }

    [Fact]
    public void Light_demand_runs_the_minimum_cycle()
    {
        var plan = SignalPlanning.Plan(_twoPhases, [360, 180, 0, 0]);

        Assert.Equal(40, plan.CycleSeconds);
        Assert.Equal([21, 11], Greens(plan));
    }

    [Fact]
    public void No_demand_gives_equal_greens_at_the_minimum_cycle()
    {
        var plan = SignalPlanning.Plan(_twoPhases, [0, 0, 0, 0]);

        Assert.Equal(40, plan.CycleSeconds);
        Assert.Equal([16, 16], Greens(plan));
        Assert.Equal(0, plan.FlowRatioSum);
    }

    [Fact]
    public void Oversaturated_demand_runs_the_maximum_cycle_split_by_flow_ratio()
    {
        // y = 0.7 and 0.5: Y = 1.2. Green 120 − 8 = 112 s splits 65.3 / 46.7.
        var plan = SignalPlanning.Plan(_twoPhases, [2520, 1800, 0, 0]);

        Assert.True(plan.Oversaturated);
        Assert.Equal(120, plan.CycleSeconds);
        Assert.Equal([65, 47], Greens(plan));
    }

    [Fact]
    public void Demand_close_to_saturation_is_capped_at_the_maximum_cycle()
    {
        var plan = SignalPlanning.Plan(_twoPhases, [1800, 1728, 0, 0]);

        Assert.False(plan.Oversaturated);
        Assert.Equal(120, plan.CycleSeconds);
    }

    [Fact]
    public void Minimum_greens_bind_and_the_rest_goes_by_flow_ratio()
    {
        // Four phases, L = 16 s; y = 0.5 + 3 × 0.01: C0 = (24 + 5) / 0.47 = 61.7 s, green 46 s.
        var plan = SignalPlanning.Plan(Crossroads.Parameters(phasesPerApproach: true), [1800, 36, 36, 36]);

        Assert.Equal(62, plan.CycleSeconds);
        Assert.Equal([25, 7, 7, 7], Greens(plan));
    }

    [Fact]
    public void The_cycle_is_lengthened_to_hold_every_minimum_green()
    {
        var plan = SignalPlanning.Plan(Crossroads.Parameters(minCycle: 20, phasesPerApproach: true), [0, 0, 0, 0]);

        Assert.Equal(4 * (7 + 4), plan.CycleSeconds);
        Assert.Equal([7, 7, 7, 7], Greens(plan));
    }

    [Theory]
    [InlineData(100, 200, 300, 400)]
    [InlineData(3000, 10, 0, 2500)]
    [InlineData(1234, 987, 654, 321)]
    [InlineData(10000, 10000, 10000, 10000)]
    public void Greens_and_lost_time_fill_the_cycle_and_no_green_is_below_the_minimum(double n, double e, double s, double w)
    {
        var parameters = Crossroads.Parameters(phasesPerApproach: true);
        var plan = SignalPlanning.Plan(parameters, [n, e, s, w]);

        Assert.Equal(plan.CycleSeconds, Greens(plan).Sum() + 4 * parameters.LostTimePerPhaseSeconds);
        Assert.All(Greens(plan), g => Assert.True(g >= parameters.MinGreenSeconds, $"{g} s is below the minimum green"));
        Assert.InRange(plan.CycleSeconds, parameters.MinCycleSeconds, parameters.MaxCycleSeconds);
    }

    [Fact]
    public void Plans_a_second_or_two_apart_are_not_worth_replacing()
    {
        var current = new SignalPlan(60, [new(0, 30, 0.4), new(1, 22, 0.3)], 0.7, false);

        Assert.False(SignalPlanning.DiffersMaterially(current, current with { Phases = [new(0, 32, 0.4), new(1, 20, 0.3)], CycleSeconds = 64 }));
        Assert.True(SignalPlanning.DiffersMaterially(current, current with { Phases = [new(0, 33, 0.4), new(1, 19, 0.3)] }));
        Assert.True(SignalPlanning.DiffersMaterially(current, current with { CycleSeconds = 65 }));
        Assert.True(SignalPlanning.DiffersMaterially(SignalPlan.None, current));
    }
}
