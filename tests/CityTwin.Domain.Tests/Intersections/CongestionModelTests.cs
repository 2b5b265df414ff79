using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class CongestionModelTests
{
    private const double FreeFlow = 50;

    [Fact]
    public void An_empty_road_reporting_zero_speed_is_free_flowing() =>
        Assert.Equal(CongestionLevel.Free, CongestionModel.Classify(intensity: 0, occupancy: 0, speedKmh: 0, FreeFlow));

    [Fact]
    public void A_standing_queue_with_nothing_passing_is_gridlock() =>
        Assert.Equal(CongestionLevel.Gridlock, CongestionModel.Classify(intensity: 0, occupancy: 0.9, speedKmh: 0, FreeFlow));

    [Theory]
    [InlineData(45, CongestionLevel.Free)]       // 90 % of free flow: HCM A
    [InlineData(34, CongestionLevel.Free)]       // 68 %: B
    [InlineData(30, CongestionLevel.Moderate)]   // 60 %: C
    [InlineData(21, CongestionLevel.Moderate)]   // 42 %: D
    [InlineData(18, CongestionLevel.Heavy)]      // 36 %: E
    [InlineData(15, CongestionLevel.Gridlock)]   // 30 %: F
    [InlineData(0, CongestionLevel.Gridlock)]
    public void Speed_is_graded_against_free_flow(double speed, CongestionLevel expected) =>
        Assert.Equal(expected, CongestionModel.Classify(intensity: 800, occupancy: 0.05, speed, FreeFlow));

    [Theory]
    [InlineData(0.10, CongestionLevel.Free)]
    [InlineData(0.20, CongestionLevel.Moderate)]
    [InlineData(0.40, CongestionLevel.Heavy)]
    [InlineData(0.60, CongestionLevel.Gridlock)]
    public void Occupancy_is_graded_against_the_critical_occupancy(double occupancy, CongestionLevel expected) =>
        Assert.Equal(expected, CongestionModel.Classify(intensity: 800, occupancy, speedKmh: FreeFlow, FreeFlow));

    [Fact]
    public void The_worse_of_speed_and_occupancy_decides() =>
        Assert.Equal(CongestionLevel.Heavy, CongestionModel.Classify(intensity: 800, occupancy: 0.05, speedKmh: 18, FreeFlow));

    [Fact]
    public void Occupancy_hovering_at_the_gridlock_threshold_does_not_flap()
    {
        var level = CongestionLevel.Free;
        var levels = new List<CongestionLevel>();
        foreach (var occupancy in new[] { 0.61, 0.59, 0.60, 0.58, 0.61, 0.56 })
        {
            level = CongestionModel.Classify(intensity: 300, occupancy, speedKmh: FreeFlow, FreeFlow, level);
            levels.Add(level);
        }

        Assert.All(levels, l => Assert.Equal(CongestionLevel.Gridlock, l));
    }

    [Fact]
    public void Speed_hovering_at_a_threshold_does_not_flap()
    {
        var level = CongestionModel.Classify(intensity: 800, occupancy: 0.05, speedKmh: 19.5, FreeFlow);
        Assert.Equal(CongestionLevel.Heavy, level);

        // 21 km/h is 42 %: past the 40 % threshold but not by the 5-point margin.
        Assert.Equal(CongestionLevel.Heavy, CongestionModel.Classify(800, 0.05, 21, FreeFlow, level));
        Assert.Equal(CongestionLevel.Moderate, CongestionModel.Classify(800, 0.05, 23, FreeFlow, level));
    }

    [Fact]
    public void A_level_is_left_once_the_evidence_clears_the_margin() =>
        Assert.Equal(CongestionLevel.Heavy,
            CongestionModel.Classify(intensity: 300, occupancy: 0.54, speedKmh: FreeFlow, FreeFlow, CongestionLevel.Gridlock));

    [Fact]
    public void Hysteresis_does_not_hold_a_level_the_evidence_has_clearly_left() =>
        Assert.Equal(CongestionLevel.Free,
            CongestionModel.Classify(intensity: 300, occupancy: 0.05, speedKmh: FreeFlow, FreeFlow, CongestionLevel.Gridlock));

    [Fact]
    public void Worsening_takes_effect_at_the_threshold() =>
        Assert.Equal(CongestionLevel.Heavy,
            CongestionModel.Classify(intensity: 300, occupancy: 0.35, speedKmh: FreeFlow, FreeFlow, CongestionLevel.Free));

    [Fact]
    public void An_intersection_is_as_congested_as_its_worst_approach()
    {
        Assert.Equal(CongestionLevel.Heavy,
            CongestionModel.Worst([CongestionLevel.Free, CongestionLevel.Heavy, CongestionLevel.Moderate]));
        Assert.Equal(CongestionLevel.Free, CongestionModel.Worst([]));
    }
}
