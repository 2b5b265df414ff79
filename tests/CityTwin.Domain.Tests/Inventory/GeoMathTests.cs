using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class GeoMathTests
{
    private static readonly GeoCoordinate Paris = new(48.8566, 2.3522);
    private static readonly GeoCoordinate London = new(51.5074, -0.1278);

    /// <summary>Metres in one degree of latitude (and of longitude on the equator) on the mean sphere.</summary>
    private const double MetresPerDegree = 111_195.08;

    [Fact]
    public void Paris_to_London_is_about_344_km_as_the_crow_flies() =>
        Assert.InRange(GeoMath.DistanceMetres(Paris, London), 343_300, 343_800);

    [Fact]
    public void A_polyline_is_as_long_as_its_legs()
    {
        var corner = new GeoCoordinate(0, 1);
        var polyline = new[] { new GeoCoordinate(0, 0), corner, new GeoCoordinate(1, 1) };
        Assert.Equal(2 * MetresPerDegree, GeoMath.LengthMetres(polyline), 0);
        Assert.Equal(0, GeoMath.LengthMetres([corner]));
    }

    [Fact]
    public void A_point_beside_a_street_is_its_perpendicular_distance_away()
    {
        // An east-west street in Amsterdam and a lamp 0.0009° (about 100 m) north of its middle.
        var street = new[] { new GeoCoordinate(52.37, 4.88), new GeoCoordinate(52.37, 4.90) };
        var lamp = new GeoCoordinate(52.3709, 4.89);
        Assert.Equal(0.0009 * MetresPerDegree, GeoMath.DistanceToPolylineMetres(lamp, street), 0);
    }

    [Fact]
    public void A_point_past_the_end_of_a_street_is_measured_to_the_end()
    {
        var street = new[] { new GeoCoordinate(52.37, 4.88), new GeoCoordinate(52.37, 4.89) };
        var beyond = new GeoCoordinate(52.3705, 4.8910);
        Assert.Equal(GeoMath.DistanceMetres(beyond, street[1]), GeoMath.DistanceToPolylineMetres(beyond, street), 0);
    }

    [Fact]
    public void The_nearest_leg_of_a_polyline_counts()
    {
        var bend = new[] { new GeoCoordinate(52.37, 4.88), new GeoCoordinate(52.37, 4.89), new GeoCoordinate(52.38, 4.89) };
        var eastOfSecondLeg = new GeoCoordinate(52.375, 4.8905);
        var expected = 0.0005 * MetresPerDegree * Math.Cos(52.375 * Math.PI / 180);
        Assert.Equal(expected, GeoMath.DistanceToPolylineMetres(eastOfSecondLeg, bend), 0);
    }

    [Fact]
    public void Distances_to_a_polyline_across_the_antimeridian_are_short()
    {
        var road = new[] { new GeoCoordinate(-16.8, 179.99), new GeoCoordinate(-16.8, -179.99) };
        var onIt = new GeoCoordinate(-16.8, 180);
        Assert.True(GeoMath.DistanceToPolylineMetres(onIt, road) < 1);
        Assert.InRange(GeoMath.LengthMetres(road), 2_000, 2_200);
    }

    [Theory]
    [InlineData(170, -170, 20)]
    [InlineData(-170, 170, -20)]
    [InlineData(4.8, 4.9, 0.1)]
    public void Longitude_differences_go_the_short_way_round(double from, double to, double expected) =>
        Assert.Equal(expected, GeoMath.LongitudeDelta(from, to), 9);
}
