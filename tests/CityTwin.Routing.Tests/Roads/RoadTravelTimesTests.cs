using CityTwin.Domain.Intersections;
using CityTwin.Routing.Problems;
using CityTwin.Routing.Roads;

namespace CityTwin.Routing.Tests.Roads;

/// <summary>
/// Two ways from A to D: north by B (two 500 m links at 36 km/h, 50 s each, 100 s in all) and south by C
/// (500 m at 30 km/h, 60 s, then 50 s: 110 s). The depot sits at the end of the link into A, the bin at the
/// start of the link out of D.
/// </summary>
public class RoadTravelTimesTests
{
    private static readonly RoadGraph Network = new(
    [
        Link("in-a", "Z", "A", 500, 36),
        Link("a-b", "A", "B", 500, 36),
        Link("b-d", "B", "D", 500, 36),
        Link("a-c", "A", "C", 500, 30),
        Link("c-d", "C", "D", 500, 36),
        Link("d-z", "D", "Z", 500, 36),
        Link("z-a", "Z", "A", 500, 36),
    ]);

    private static readonly RoadPosition Depot = new("in-a", 1);
    private static readonly RoadPosition Bin = new("d-z", 0);

    private static RoadLink Link(string id, string from, string to, double metres, double kmh) => new(from, new OutgoingSegment(id, to, metres, kmh));

    private static long DepotToBin(RoadConditions conditions) =>
        new RoadTravelTimes(Network, conditions, [Depot, Bin]).Matrix([0, 1])[0][1];

    private static IntersectionTraffic Measured(string id, string segment, string to, double seconds, bool stale = false,
        TravelTimeSource source = TravelTimeSource.Samples) =>
        new(id, stale, [new SegmentTravelTime(segment, to, 50, seconds, source, 5)]);

    [Fact]
    public void With_no_live_data_the_free_flow_shortest_path_is_taken() =>
        Assert.Equal(100, DepotToBin(RoadConditions.FreeFlow));

    [Fact]
    public void Congestion_on_the_short_way_sends_the_truck_round_it() =>
        Assert.Equal(110, DepotToBin(new RoadConditions([Measured("A", "a-b", "B", 90)], [])));

    [Fact]
    public void Light_congestion_that_still_beats_the_detour_is_driven_through() =>
        Assert.Equal(105, DepotToBin(new RoadConditions([Measured("A", "a-b", "B", 55)], [])));

    [Fact]
    public void A_stale_intersection_falls_back_to_free_flow_on_the_segments_leaving_it() =>
        Assert.Equal(100, DepotToBin(new RoadConditions([Measured("A", "a-b", "B", 90, stale: true)], [])));

    [Fact]
    public void A_speed_measured_at_a_stale_downstream_intersection_is_not_trusted()
    {
        var fromDownstream = Measured("A", "a-b", "B", 90, source: TravelTimeSource.DownstreamSpeed);

        Assert.Equal(110, DepotToBin(new RoadConditions([fromDownstream, new IntersectionTraffic("B", Stale: false, [])], [])));
        Assert.Equal(100, DepotToBin(new RoadConditions([fromDownstream, new IntersectionTraffic("B", Stale: true, [])], [])));
    }

    [Fact]
    public void A_closed_segment_is_avoided() =>
        Assert.Equal(110, DepotToBin(new RoadConditions([], ["b-d"])));

    [Fact]
    public void Conditions_report_where_a_time_came_from()
    {
        var conditions = new RoadConditions([Measured("A", "a-b", "B", 90)], ["a-c"]);

        Assert.Equal((90, TravelTimeSource.Samples), conditions.TravelTime(Network.Links[1]));
        Assert.Equal((50, TravelTimeSource.FreeFlow), conditions.TravelTime(Network.Links[2]));
        Assert.True(double.IsPositiveInfinity(conditions.TravelTime(Network.Links[3]).Seconds));
    }

    [Fact]
    public void A_bin_cut_off_by_closures_is_named()
    {
        var error = Assert.Throws<RoutingProblemException>(() => DepotToBin(new RoadConditions([], ["b-d", "c-d"])));

        Assert.Equal("node 1 cannot be reached from node 0: closed segments cut it off", Assert.Single(error.Violations).Message);
    }

    [Fact]
    public void Positions_on_one_segment_are_their_distance_apart_ahead_and_a_loop_apart_behind()
    {
        var matrix = new RoadTravelTimes(Network, RoadConditions.FreeFlow, [new("a-b", 0.2), new("a-b", 0.7)]).Matrix([0, 1]);

        Assert.Equal(25, matrix[0][1]);
        // From 0.7 on a-b: 15 s to B, 50 s to D, 50 s to Z, 50 s to A, then 10 s to 0.2 along a-b.
        Assert.Equal(175, matrix[1][0]);
    }

    [Fact]
    public void Positions_on_unknown_closed_or_out_of_range_segments_are_refused_by_node()
    {
        var error = Assert.Throws<RoutingProblemException>(() => new RoadTravelTimes(
            Network, new RoadConditions([], ["c-d"]), [Depot, new("nowhere", 0.5), new("c-d", 0.5), new("a-b", 1.5)]));

        Assert.Equal(
        [
            "node 1 is on segment 'nowhere', which the road network does not have",
            "node 2 is on segment 'c-d', which is closed: no truck can reach it",
            "node 3 is at fraction 1.5 of its segment; it must be within 0..1",
        ], error.Violations.Select(v => v.Message));
    }

    [Fact]
    public void A_zone_asks_only_for_its_own_nodes()
    {
        var times = new RoadTravelTimes(Network, RoadConditions.FreeFlow, [Depot, new("a-b", 0.5), Bin]);

        var full = times.Matrix([0, 1, 2]);
        var subset = times.Matrix([2, 0]);

        Assert.Equal([[0, full[2][0]], [full[0][2], 0]], subset);
    }

    [Fact]
    public void Links_come_from_an_intersection_provisioning()
    {
        var parameters = new IntersectionParameters([], [new OutgoingSegment("x-y", "Y", 100, 50)]);

        var link = Assert.Single(RoadLink.From("X", parameters));

        Assert.Equal(("X", "Y", "x-y"), (link.FromIntersectionId, link.ToIntersectionId, link.SegmentId));
    }
}
