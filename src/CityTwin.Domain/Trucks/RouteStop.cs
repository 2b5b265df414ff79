namespace CityTwin.Domain.Trucks;

/// <summary>One bin to empty on a route.</summary>
public sealed record RouteStop(string BinId, double Latitude, double Longitude);
