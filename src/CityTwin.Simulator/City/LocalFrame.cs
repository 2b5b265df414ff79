namespace CityTwin.Simulator.City;

/// <summary>Metres east and north of an origin, turned into WGS84 degrees (equirectangular: exact enough over a few kilometres).</summary>
public readonly record struct LocalFrame(double OriginLatitude, double OriginLongitude)
{
    private const double MetresPerDegree = Math.PI / 180 * Domain.Common.GeoDistance.EarthRadiusMetres;

    public (double Latitude, double Longitude) ToDegrees(double eastMetres, double northMetres) => (
        Math.Round(OriginLatitude + northMetres / MetresPerDegree, 7),
        Math.Round(OriginLongitude + eastMetres / (MetresPerDegree * Math.Cos(OriginLatitude * Math.PI / 180)), 7));
}
