using CityTwin.Domain.Inventory;
using CityTwin.Routing.Collection;
using CityTwin.Routing.Roads;
using static CityTwin.Routing.Tests.Collection.SquareBlock;

namespace CityTwin.Routing.Tests.Collection;

public sealed class CollectionRoadsTests
{
    [Fact]
    public void A_point_beside_a_street_projects_onto_it_at_its_share_of_the_length()
    {
        var beside = new GeoCoordinate(52.3790 + 0.0002, 4.9000 + 0.25 * (4.9147 - 4.9000));

        var (distance, fraction) = CollectionRoads.Project(beside, [I1, I3]);

        Assert.InRange(distance, 21.5, 23); // 0.0002° of latitude is 22.2 m
        Assert.InRange(fraction, 0.249, 0.251);
    }

    [Fact]
    public void A_depot_at_a_corner_is_left_from_the_end_of_an_arriving_street_and_returned_to_at_the_start_of_a_leaving_one()
    {
        var roads = new CollectionRoads(Segments, []);

        var leaving = roads.Attach(I0, RoadEnd.Departure);
        var arriving = roads.Attach(I0, RoadEnd.Arrival);

        Assert.Equal(new RoadPosition("s10", 1), leaving);
        Assert.Equal(new RoadPosition("s01", 0), arriving);
    }

    [Fact]
    public void A_point_on_a_closed_street_joins_the_nearest_open_one_and_none_beyond_reach()
    {
        var roads = new CollectionRoads(Segments, ["s13", "s31"]);

        var moved = roads.Attach(new GeoCoordinate(52.3790, 4.9010));
        var farAway = roads.Attach(new GeoCoordinate(52.40, 4.95));

        Assert.NotNull(moved);
        Assert.DoesNotContain(moved.Value.SegmentId, new[] { "s13", "s31" });
        Assert.Null(farAway);
    }
}
