namespace CityTwin.Simulator.City;

/// <summary>A generated city: what its inventory says (districts, roads, assets, gateways), nothing of its hidden physics.</summary>
public sealed record SimulatedCity(
    int Seed,
    string Name,
    IReadOnlyList<CityDistrict> Districts,
    IReadOnlyList<CityIntersection> Intersections,
    IReadOnlyList<CitySegment> Segments,
    IReadOnlyList<CityAsset> Assets,
    IReadOnlyList<CityGateway> Gateways)
{
    public int Count(AssetKind kind) => Assets.Count(a => a.Kind == kind);

    /// <summary>Every MQTT identity of the city: the gateways and the devices that speak for themselves.</summary>
    public IEnumerable<string> DeviceIds =>
        Gateways.Select(g => g.Id).Concat(Assets.Where(a => a.GatewayId is null).Select(a => a.DeviceId));
}

public sealed record CityDistrict(string Id, string Name, string TimeZone, double Latitude, double Longitude);

/// <summary>A node of the street grid; every one is also an intersection asset with the same id.</summary>
public sealed record CityIntersection(string Id, string DistrictId, double Latitude, double Longitude);

/// <summary>One direction of a street between two intersections (a two-way street is two segments).</summary>
public sealed record CitySegment(
    string Id, string DistrictId, string FromId, string ToId, double FreeFlowSpeedKmh, int Lanes,
    IReadOnlyList<(double Latitude, double Longitude)> Points, double LengthMetres);

/// <summary>
/// An asset as the inventory lists it. <see cref="DeviceId"/> is its own device, or the gateway that
/// speaks for it (<see cref="GatewayId"/> set).
/// </summary>
public sealed record CityAsset(
    string Id,
    AssetKind Kind,
    string DistrictId,
    double Latitude,
    double Longitude,
    string DeviceId,
    string? GatewayId,
    AssetParameters Parameters);

/// <summary>The kind's inventory parameters; only those of the asset's kind are set.</summary>
public sealed record AssetParameters(
    double? BinCapacityLitres = null,
    double? DepthCm = null,
    double? MaxLoadKg = null,
    double? RatedPowerWatts = null,
    double? CapacityKg = null,
    (double Latitude, double Longitude)? Depot = null,
    IReadOnlyList<string>? Pollutants = null);

/// <summary>A gateway of one district that speaks for a group of nearby bins and streetlights.</summary>
public sealed record CityGateway(string Id, string DistrictId, IReadOnlyList<string> AssetIds);
