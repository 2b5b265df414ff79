namespace CityTwin.Domain.Common;

/// <summary>Great-circle distances on a spherical Earth.</summary>
public static class GeoDistance
{
    /// <summary>
    /// Mean Earth radius R1 = (2a + b) / 3 of the GRS80 ellipsoid (Moritz, "Geodetic Reference System
    /// 1980", Journal of Geodesy 74, 2000). The sphere is within 0.5 % of ellipsoidal distances, far
    /// better than GPS on a street for the distances a route planner cares about.
    /// </summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Haversine distance in metres between two points given in decimal degrees.</summary>
    public static double HaversineMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = ToRadians(latitude1);
        var phi2 = ToRadians(latitude2);
        var halfDeltaPhi = ToRadians(latitude2 - latitude1) / 2;
        var halfDeltaLambda = ToRadians(longitude2 - longitude1) / 2;
        var a = Math.Sin(halfDeltaPhi) * Math.Sin(halfDeltaPhi)
              + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(halfDeltaLambda) * Math.Sin(halfDeltaLambda);
        // Rounding can push a a hair above 1 for antipodal points.
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
