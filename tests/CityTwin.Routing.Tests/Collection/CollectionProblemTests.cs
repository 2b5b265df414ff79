using CityTwin.Domain.Inventory;
using CityTwin.Routing.Collection;
using CityTwin.Routing.Problems;
using CityTwin.Routing.Roads;
using static CityTwin.Routing.Tests.Collection.SquareBlock;

namespace CityTwin.Routing.Tests.Collection;

public sealed class CollectionProblemTests
{
    private static CollectionRequest Request(params PlannedBin[] bins) =>
        new(bins, [new PlanningTruck("truck-1", I0, I0, 5_000)], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

    private static async Task<PlannedRoute> PlanAsync(CollectionRequest request, params string[] closed)
    {
        var problem = CollectionProblem.Build(request, new CollectionRoads(Segments, closed), new RoadConditions([], closed));
        var solution = await RoutePlanner.PlanAsync(problem.Problem);
        return Assert.Single(problem.Routes(solution));
    }

    [Fact]
    public async Task A_route_drives_the_roads_and_its_legs_add_up_to_its_travel_time()
    {
        var route = await PlanAsync(Request(new PlannedBin("bin-n", NorthMiddle, 300)));

        Assert.Equal(["bin-n"], route.BinIds);
        Assert.Equal(300, route.LoadKg);
        Assert.Equal(2, route.LegSeconds.Count);
        Assert.Equal(route.TravelSeconds, route.LegSeconds.Sum());
        // Up the west side and halfway along the north; on round the block home (either way is as long).
        var expected = Seconds("0", "1") + Seconds("1", "3") + Seconds("3", "2") + Seconds("2", "0");
        Assert.InRange(route.TravelSeconds, expected - 2, expected + 2);
    }

    [Fact]
    public async Task A_closed_street_is_driven_around()
    {
        var route = await PlanAsync(Request(new PlannedBin("bin-n", NorthMiddle, 300)), "s01");

        // The west side is closed northbound: out along the south and up the east, the whole north side to its
        // west end and back (the bin is on the eastbound side), then home by the shorter way.
        var expected = Seconds("0", "2") + Seconds("2", "3") + Seconds("3", "1") + Seconds("1", "3") + Seconds("3", "2") + Seconds("2", "0");
        Assert.InRange(route.TravelSeconds, expected - 3, expected + 3);
    }

    [Fact]
    public void A_bin_no_open_road_reaches_is_left_out_by_name_and_a_truck_off_the_roads_is_refused()
    {
        var lost = new PlannedBin("bin-lost", new GeoCoordinate(52.40, 4.95), 100);
        var problem = CollectionProblem.Build(Request(lost, new PlannedBin("bin-n", NorthMiddle, 100)), new CollectionRoads(Segments, []), RoadConditions.FreeFlow);

        var unroutable = Assert.Single(problem.Unroutable);
        Assert.Equal("bin-lost", unroutable.BinId);
        Assert.Equal(3, problem.Problem.NodeCount);

        var offRoad = new CollectionRequest([], [new PlanningTruck("truck-9", new GeoCoordinate(52.40, 4.95), I0, 100)], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var error = Assert.Throws<RoutingProblemException>(() => CollectionProblem.Build(offRoad, new CollectionRoads(Segments, []), RoadConditions.FreeFlow));
        Assert.Contains("truck 'truck-9' start", error.Message, StringComparison.Ordinal);
    }
}
