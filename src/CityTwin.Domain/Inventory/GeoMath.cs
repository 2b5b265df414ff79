using CityTwin.Domain.Trucks;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Inventory;

/// <summary>
/// Distances between positions, along polylines and from a point to a polyline. Point to point is
/// great-circle (haversine). Point to polyline works on a local equirectangular projection centred on
/// the point (east = Δlongitude·cos(latitude)·R, north = Δlatitude·R): over the few hundred metres that
/// matter when attaching an asset to a road its error is far below a metre, and it costs no trigonometry
/// per vertex.
/// </summary>
public static class GeoMath
{
    internal const double MetresPerDegree = Math.PI / 180 * GeoDistance.EarthRadiusMetres;

    public static double DistanceMetres(GeoCoordinate from, GeoCoordinate to) =>
        GeoDistance.HaversineMetres(from.Latitude, from.Longitude, to.Latitude, to.Longitude);

    /// <summary>The sum of the great-circle lengths of the polyline's legs.</summary>
    public static double LengthMetres(IReadOnlyList<GeoCoordinate> polyline)
    {
        ArgumentNullException.ThrowIfNull(polyline);
        var length = 0.0;
        for (var i = 1; i < polyline.Count; i++)
            length += DistanceMetres(polyline[i - 1], polyline[i]);
        return length;
    }

    /// <summary>The distance from <paramref name="point"/> to the nearest point of the polyline (vertices and legs).</summary>
    public static double DistanceToPolylineMetres(GeoCoordinate point, IReadOnlyList<GeoCoordinate> polyline) =>
        DistanceToPolylineMetres(point, polyline, MetresPerDegreeEast(point.Latitude));

    /// <summary>Metres per degree of longitude along the parallel at <paramref name="latitude"/>.</summary>
    internal static double MetresPerDegreeEast(double latitude) => MetresPerDegree * Math.Cos(latitude * Math.PI / 180);

    /// <param name="metresPerDegreeEast">At the point's latitude: computed once for many polylines.</param>
    internal static double DistanceToPolylineMetres(GeoCoordinate point, IReadOnlyList<GeoCoordinate> polyline, double metresPerDegreeEast)
    {
        ArgumentNullException.ThrowIfNull(polyline);
        if (polyline.Count == 0)
            throw new ArgumentException("A polyline needs at least one point.", nameof(polyline));

        var previousEast = LongitudeDelta(point.Longitude, polyline[0].Longitude) * metresPerDegreeEast;
        var previousNorth = (polyline[0].Latitude - point.Latitude) * MetresPerDegree;
        var nearestSquared = previousEast * previousEast + previousNorth * previousNorth;
        for (var i = 1; i < polyline.Count; i++)
        {
            var east = LongitudeDelta(point.Longitude, polyline[i].Longitude) * metresPerDegreeEast;
            var north = (polyline[i].Latitude - point.Latitude) * MetresPerDegree;
            nearestSquared = Math.Min(nearestSquared, SquaredDistanceToOrigin(previousEast, previousNorth, east, north));
            (previousEast, previousNorth) = (east, north);
        }
        return Math.Sqrt(nearestSquared);
    }

    /// <summary>The signed difference <c>to - from</c> in degrees, the short way round the antimeridian.</summary>
    public static double LongitudeDelta(double from, double to)
    {
        var delta = to - from;
        // The common case needs no remainder, which costs more than the rest of a distance.
        if (delta is > -180 and <= 180)
            return delta;
        delta %= 360;
        return delta switch
        {
            > 180 => delta - 360,
            <= -180 => delta + 360,
            _ => delta,
        };
    }

    /// <summary>Squared distance from the origin (the projected point) to the leg a–b.</summary>
    private static double SquaredDistanceToOrigin(double aEast, double aNorth, double bEast, double bNorth)
    {
        var legEast = bEast - aEast;
        var legNorth = bNorth - aNorth;
        var legSquared = legEast * legEast + legNorth * legNorth;
        // Where along the leg the perpendicular from the origin lands, clamped to the leg's ends.
        var along = legSquared == 0 ? 0 : Math.Clamp(-(aEast * legEast + aNorth * legNorth) / legSquared, 0, 1);
        var east = aEast + along * legEast;
        var north = aNorth + along * legNorth;
        return east * east + north * north;
    }
}
