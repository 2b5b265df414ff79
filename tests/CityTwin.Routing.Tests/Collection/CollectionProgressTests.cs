using CityTwin.Routing.Collection;

namespace CityTwin.Routing.Tests.Collection;

public sealed class CollectionProgressTests
{
    private static readonly PlannedRoute North = new("truck-1", ["a", "b", "c"], 100, 900, [10, 20, 30, 40]);
    private static readonly PlannedRoute South = new("truck-2", ["d"], 50, 300, [25, 25]);

    private static RouteProgress Progress(PlannedRoute route, params string[] collected) => new(route, collected.ToHashSet());

    [Fact]
    public void Remaining_bins_are_the_uncollected_ones_in_route_order_without_burning_bins()
    {
        var routes = new[] { Progress(North, "a"), Progress(South) };

        Assert.Equal(["b", "c", "d"], CollectionProgress.RemainingBins(routes, new HashSet<string>()));
        Assert.Equal(["b", "d"], CollectionProgress.RemainingBins(routes, new HashSet<string> { "c" }));
        Assert.True(CollectionProgress.IsStillPlanned(routes, "c"));
        Assert.False(CollectionProgress.IsStillPlanned(routes, "a"));
    }

    [Fact]
    public void Only_a_truck_with_bins_left_leaves_work_behind()
    {
        var routes = new[] { Progress(North, "a", "b", "c"), Progress(South) };

        Assert.False(CollectionProgress.LeavesBinsBehind(routes, "truck-1"));
        Assert.True(CollectionProgress.LeavesBinsBehind(routes, "truck-2"));
        Assert.False(CollectionProgress.LeavesBinsBehind(routes, "truck-3"));
        Assert.False(CollectionProgress.IsComplete(routes));
        Assert.True(CollectionProgress.IsComplete([Progress(North, "a", "b", "c")]));
    }

    [Fact]
    public void The_planned_remaining_time_counts_the_legs_from_the_one_into_the_next_bin()
    {
        Assert.Equal(100, CollectionProgress.PlannedRemainingSeconds(Progress(North)));
        Assert.Equal(90, CollectionProgress.PlannedRemainingSeconds(Progress(North, "a")));
        Assert.Equal(40, CollectionProgress.PlannedRemainingSeconds(Progress(North, "a", "b", "c")));
    }

    [Theory]
    [InlineData(1000, 1200, 0.25, false)]
    [InlineData(1000, 1251, 0.25, true)]
    [InlineData(1000, 749, 0.25, true)]
    [InlineData(1000, 750, 0.25, false)]
    [InlineData(0, 500, 0.25, false)]
    public void The_cost_moved_when_the_relative_change_passes_the_threshold_either_way(long planned, long current, double threshold, bool moved) =>
        Assert.Equal(moved, CollectionProgress.CostMoved(planned, current, threshold));

    [Theory]
    [InlineData(180.4, 0.9, 1000, 181)]
    [InlineData(null, 0.5, 1000, 60)]
    [InlineData(null, null, 1000, 120)]
    [InlineData(null, 0.0, 1000, 1)]
    public void A_bin_weighs_what_its_load_cell_says_else_its_volume_of_waste(double? weight, double? level, double litres, long kg) =>
        Assert.Equal(kg, BinDemand.Kg(weight, level, litres));
}
