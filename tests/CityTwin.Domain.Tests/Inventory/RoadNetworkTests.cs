using System.Diagnostics;
using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class RoadNetworkTests
{
    private static RoadPolyline Street(string id, double latitude, double fromLongitude, double toLongitude) =>
        new(id, [new GeoCoordinate(latitude, fromLongitude), new GeoCoordinate(latitude, toLongitude)]);

    [Fact]
    public void The_nearer_of_two_streets_is_chosen_with_its_distance()
    {
        var network = new RoadNetwork([Street("north", 52.3710, 4.88, 4.90), Street("south", 52.3690, 4.88, 4.90)]);
        var match = network.Nearest(new GeoCoordinate(52.3703, 4.89), 200);
        Assert.Equal("north", match?.SegmentId);
        Assert.Equal(0.0007 * 111_195.08, match!.DistanceMetres, 0);
    }

    [Fact]
    public void No_street_within_the_distance_is_no_match()
    {
        var network = new RoadNetwork([Street("far", 52.3800, 4.88, 4.90)]);
        Assert.Null(network.Nearest(new GeoCoordinate(52.3700, 4.89), 200));
        Assert.Null(RoadNetwork.Empty.Nearest(new GeoCoordinate(52.37, 4.89), 200));
    }

    [Fact]
    public void Of_two_equally_near_streets_the_first_id_wins_whatever_the_order_given()
    {
        // One street drawn twice under two ids: exactly as near, whatever rounding does.
        var a = Street("a-street", 52.3710, 4.88, 4.90);
        var b = a with { SegmentId = "b-street" };
        var between = new GeoCoordinate(52.3700, 4.89);
        Assert.Equal("a-street", new RoadNetwork([a, b]).Nearest(between, 200)?.SegmentId);
        Assert.Equal("a-street", new RoadNetwork([b, a]).Nearest(between, 200)?.SegmentId);
    }

    [Fact]
    public void A_long_street_is_found_from_far_along_it_not_only_near_its_ends()
    {
        // 7 km long, so most of it lies in cells its ends are not in.
        var network = new RoadNetwork([Street("ring", 52.37, 4.80, 4.90)]);
        Assert.Equal("ring", network.Nearest(new GeoCoordinate(52.3705, 4.85), 100)?.SegmentId);
    }

    [Fact]
    public void A_street_across_the_antimeridian_is_found_from_both_sides()
    {
        var network = new RoadNetwork([new RoadPolyline("dateline", [new GeoCoordinate(-16.8, 179.99), new GeoCoordinate(-16.8, -179.99)])]);
        Assert.Equal("dateline", network.Nearest(new GeoCoordinate(-16.8005, 179.999), 200)?.SegmentId);
        Assert.Equal("dateline", network.Nearest(new GeoCoordinate(-16.8005, -179.999), 200)?.SegmentId);
    }

    [Fact]
    public void The_grid_finds_what_measuring_every_street_finds()
    {
        var random = new Random(7);
        var streets = Enumerable.Range(0, 2_000).Select(i => RandomStreet(random, $"s{i}")).ToList();
        var network = new RoadNetwork(streets);
        for (var i = 0; i < 500; i++)
        {
            var point = RandomPoint(random);
            var expected = streets
                .Select(s => new SegmentMatch(s.SegmentId, GeoMath.DistanceToPolylineMetres(point, s.Points)))
                .Where(m => m.DistanceMetres <= 150)
                .OrderBy(m => m.DistanceMetres).ThenBy(m => m.SegmentId, StringComparer.Ordinal)
                .FirstOrDefault();
            Assert.Equal(expected, network.Nearest(point, 150));
        }
    }

    [Fact]
    public void A_hundred_thousand_assets_find_their_streets_among_twenty_thousand_in_seconds()
    {
        var random = new Random(11);
        var network = new RoadNetwork(Enumerable.Range(0, 20_000).Select(i => RandomStreet(random, $"s{i}")));
        var points = Enumerable.Range(0, 100_000).Select(_ => RandomPoint(random)).ToList();

        var watch = Stopwatch.StartNew();
        var matched = points.Count(p => network.Nearest(p, 200) is not null);
        watch.Stop();

        Assert.True(matched > 50_000, $"only {matched} of the points are near a street");
        // Measuring every street for every asset takes minutes; the grid takes well under a second
        // on a laptop. The bound is loose for a busy shared CI machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    /// <summary>A city of about 10 × 10 km around Amsterdam.</summary>
    private static GeoCoordinate RandomPoint(Random random) =>
        new(52.32 + random.NextDouble() * 0.09, 4.82 + random.NextDouble() * 0.15);

    /// <summary>A street of one to four legs, each up to about 150 m.</summary>
    private static RoadPolyline RandomStreet(Random random, string id)
    {
        var points = new List<GeoCoordinate> { RandomPoint(random) };
        for (var leg = random.Next(1, 5); leg > 0; leg--)
            points.Add(new GeoCoordinate(points[^1].Latitude + (random.NextDouble() - 0.5) * 0.002, points[^1].Longitude + (random.NextDouble() - 0.5) * 0.003));
        return new RoadPolyline(id, points);
    }
}
