namespace CityTwin.Contracts.Assets;

/// <summary>A WGS84 position in decimal degrees.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.GeoPoint")]
public sealed record GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude);
