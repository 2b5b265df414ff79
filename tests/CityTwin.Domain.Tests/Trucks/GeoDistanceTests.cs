using CityTwin.Domain.Trucks;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Trucks;

public class GeoDistanceTests
{
    private static readonly double DegreeOfArc = Math.PI / 180 * GeoDistance.EarthRadiusMetres;

    [Fact]
    public void A_degree_of_latitude_is_a_degree_of_arc() =>
        Assert.Equal(DegreeOfArc, GeoDistance.HaversineMetres(52, 4.9, 53, 4.9), 6);

    [Fact]
    public void A_degree_of_longitude_on_the_equator_is_a_degree_of_arc() =>
        Assert.Equal(DegreeOfArc, GeoDistance.HaversineMetres(0, 10, 0, 11), 6);

    [Fact]
    public void Away_from_the_equator_the_great_circle_cuts_inside_the_parallel()
    {
        var alongParallel = DegreeOfArc * Math.Cos(Math.PI / 3);
        Assert.InRange(GeoDistance.HaversineMetres(60, 10, 60, 11), alongParallel - 1, alongParallel);
    }

    [Fact]
    public void The_same_point_is_no_distance_away() =>
        Assert.Equal(0, GeoDistance.HaversineMetres(52.37, 4.9, 52.37, 4.9));

    [Fact]
    public void Antipodes_are_half_a_circumference_apart() =>
        Assert.Equal(Math.PI * GeoDistance.EarthRadiusMetres, GeoDistance.HaversineMetres(52.37, 4.9, -52.37, -175.1), 3);

    [Fact]
    public void Distance_does_not_depend_on_direction_or_the_date_line() =>
        Assert.Equal(
            GeoDistance.HaversineMetres(-16.5, 179.9, -16.6, -179.9),
            GeoDistance.HaversineMetres(-16.6, -179.9, -16.5, 179.9), 9);
}
