using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Live;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;

namespace CityTwin.Api.Live;

/// <summary>What the live page draws once: the district, its roads, each asset where it stands, its trucks and their routes.</summary>
internal sealed record DistrictMap(
    District District,
    IReadOnlyList<MapRoad> Roads,
    IReadOnlyList<MapAsset> Assets,
    IReadOnlyList<MapTruck> Trucks);

internal sealed record MapRoad(string Id, IReadOnlyList<GeoPoint> Geometry);

internal sealed record MapAsset(string Id, AssetKind Kind, GeoPoint? Location, IReadOnlyDictionary<string, string> Bands);

/// <param name="Route">The stops not yet collected, in route order.</param>
internal sealed record MapTruck(string Id, string Status, GeoPoint? Location, string? PlanId, IReadOnlyList<GeoPoint> Route);

internal static class DistrictMaps
{
    /// <summary>Asset records read at once at most, so a large district does not flood the silo.</summary>
    private const int ConcurrentReads = 64;

    public static async Task<IReadOnlyList<MapAsset>> AssetsAsync(IGrainFactory grains, IReadOnlyList<LiveAssetState> assets, CancellationToken cancellationToken)
    {
        var located = new MapAsset[assets.Count];
        await Parallel.ForAsync(0, assets.Count, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken }, async (i, _) =>
        {
            var asset = assets[i];
            var record = await Twin(grains, asset.Kind, asset.AssetId).GetRecord();
            located[i] = new MapAsset(asset.AssetId, asset.Kind, record?.Provision.Location, asset.Bands);
        });
        return located;
    }

    public static async Task<IReadOnlyList<MapTruck>> TrucksAsync(IGrainFactory grains, IEnumerable<string> truckIds)
    {
        var twins = await Task.WhenAll(truckIds.Select(id => grains.GetGrain<ITruckGrain>(id).GetTwin()));
        return [.. twins.OfType<TruckTwin>().Select(Truck)];
    }

    private static MapTruck Truck(TruckTwin twin) => new(
        twin.AssetId,
        twin.ServiceStatus,
        twin.Location,
        twin.Route?.CompletedAt is null ? twin.Route?.PlanId : null,
        twin.Route is { CompletedAt: null } route ? [.. route.Stops.Where(s => !s.Completed).Select(s => s.Location)] : []);

    /// <summary>Each kind's twin is its own grain class; they share the lifecycle interface.</summary>
    private static IAssetTwinGrain Twin(IGrainFactory grains, AssetKind kind, string assetId) => kind switch
    {
        AssetKind.Bin => grains.GetGrain<IBinGrain>(assetId),
        AssetKind.Streetlight => grains.GetGrain<IStreetlightGrain>(assetId),
        AssetKind.Intersection => grains.GetGrain<IIntersectionGrain>(assetId),
        AssetKind.Truck => grains.GetGrain<ITruckGrain>(assetId),
        AssetKind.AirQuality => grains.GetGrain<IAirQualityGrain>(assetId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no twin grain for this kind"),
    };
}
