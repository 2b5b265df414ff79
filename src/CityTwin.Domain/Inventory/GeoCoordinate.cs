namespace CityTwin.Domain.Inventory;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoCoordinate(double Latitude, double Longitude)
{
    public bool IsOnEarth =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
