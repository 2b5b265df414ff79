using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class IntersectionParametersRulesTests
{
    [Fact]
    public void A_complete_intersection_breaks_no_rule() =>
        Assert.Empty(IntersectionParametersRules.Validate(Crossroads.Parameters()));

    [Fact]
    public void An_intersection_needs_two_to_eight_approaches()
    {
        var one = Crossroads.Parameters() with { Approaches = [new("a", "s", 50)] };
        var nine = Crossroads.Parameters() with
        {
            Approaches = Enumerable.Range(0, 9).Select(i => new ApproachParameters($"a{i}", $"s{i}", 50, Phase: i % 2)).ToArray(),
        };

        Assert.Equal("approaches", Assert.Single(IntersectionParametersRules.Validate(one)).Field);
        Assert.Equal("approaches", Assert.Single(IntersectionParametersRules.Validate(nine)).Field);
    }

    [Fact]
    public void Approach_violations_name_the_approach_index_the_value_and_the_range()
    {
        var parameters = Crossroads.Parameters();
        var broken = parameters with
        {
            Approaches = [parameters.Approaches[0], parameters.Approaches[1], parameters.Approaches[2] with { FreeFlowSpeedKmh = 0 }, parameters.Approaches[3]],
        };

        var violation = Assert.Single(IntersectionParametersRules.Validate(broken));

        Assert.Equal("approaches[2].freeFlowSpeedKmh", violation.Field);
        Assert.Contains("0 is outside 5..130 km/h", violation.Message);
    }

    [Fact]
    public void Every_broken_approach_and_segment_rule_is_reported_at_once()
    {
        var parameters = Crossroads.Parameters();
        var broken = parameters with
        {
            Approaches =
            [
                parameters.Approaches[0] with { Lanes = 0 },
                parameters.Approaches[1] with { Id = "north" },
                parameters.Approaches[2] with { SaturationFlow = 5000 },
                parameters.Approaches[3] with { FromSegmentId = "has space", Phase = 9 },
            ],
            OutgoingSegments =
            [
                parameters.OutgoingSegments[0] with { ToIntersectionId = "Int North" },
                parameters.OutgoingSegments[1] with { LengthMetres = 0 },
                parameters.OutgoingSegments[2] with { Id = "seg-n-out" },
            ],
        };

        Assert.Equal(
            [
                "approaches[0].lanes", "approaches[1].id", "approaches[2].saturationFlow", "approaches[3].fromSegmentId",
                "approaches[3].phase", "outgoingSegments[0].toIntersectionId", "outgoingSegments[1].lengthMetres",
                "outgoingSegments[2].id",
            ],
            IntersectionParametersRules.Validate(broken).Select(v => v.Field));
    }

    [Fact]
    public void Saturation_flow_is_checked_per_lane()
    {
        var parameters = Crossroads.Parameters();
        var broken = parameters with { Approaches = [.. parameters.Approaches.Take(3), parameters.Approaches[3] with { SaturationFlow = 5000 }] };

        var violation = Assert.Single(IntersectionParametersRules.Validate(broken));

        Assert.Equal("approaches[3].saturationFlow", violation.Field);
        Assert.Contains("over 2 lane(s)", violation.Message);
    }

    [Fact]
    public void The_default_saturation_flow_is_1800_per_lane() =>
        Assert.Equal(3600, IntersectionParametersRules.SaturationFlow(new ApproachParameters("a", "s", 50, Lanes: 2)));

    [Fact]
    public void The_maximum_cycle_must_hold_every_minimum_green_and_lost_time()
    {
        var violation = Assert.Single(IntersectionParametersRules.Validate(
            Crossroads.Parameters(maxCycle: 40, minGreen: 10, phasesPerApproach: true)));

        Assert.Equal("maxCycleSeconds", violation.Field);
        Assert.Contains("needs at least 56 s", violation.Message);
    }

    [Fact]
    public void Cycle_limits_must_be_ordered()
    {
        var violation = Assert.Single(IntersectionParametersRules.Validate(Crossroads.Parameters(minCycle: 90, maxCycle: 60)));
        Assert.Equal("maxCycleSeconds", violation.Field);
    }

    [Fact]
    public void Approaches_sharing_a_phase_number_form_one_phase()
    {
        var phases = IntersectionParametersRules.Phases(Crossroads.Parameters());

        Assert.Equal([0, 1], phases.Select(p => p.Phase));
        Assert.Equal([0, 2], phases[0].Approaches);
        Assert.Equal([1, 3], phases[1].Approaches);
    }

    [Fact]
    public void Without_phase_numbers_each_approach_is_its_own_phase() =>
        Assert.Equal(4, IntersectionParametersRules.Phases(Crossroads.Parameters(phasesPerApproach: true)).Count);
}
