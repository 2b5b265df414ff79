using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Live;
using CityTwin.Contracts.Queries;
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

    /// <summary>Candidates one index read returns; a district map of 10,000 assets takes two reads.</summary>
    private const int IndexPage = 5_000;

    /// <summary>
    /// Each asset where it was provisioned, from the district's asset index (one call a few thousand assets); only
    /// an asset the index has no place for (not enrolled since the district activated) is asked for its record.
    /// </summary>
    public static async Task<IReadOnlyList<MapAsset>> AssetsAsync(
        IGrainFactory grains, string districtId, IReadOnlyList<LiveAssetState> assets, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var candidate in await IndexedAsync(grains, districtId, new AssetQuery()))
        {
            if (candidate.Location is { } location)
                places[candidate.AssetId] = location;
        }
        var located = new MapAsset[assets.Count];
        await Parallel.ForAsync(0, assets.Count, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken }, async (i, _) =>
        {
            var asset = assets[i];
            var location = places.TryGetValue(asset.AssetId, out var known)
                ? known
                : (await Twin(grains, asset.Kind, asset.AssetId).GetRecord())?.Provision.Location;
            located[i] = new MapAsset(asset.AssetId, asset.Kind, location, asset.Bands);
        });
        return located;
    }

    /// <summary>The district's trucks, by the index (not the whole roster), each as its twin says now.</summary>
    public static async Task<IReadOnlyList<MapTruck>> TrucksAsync(IGrainFactory grains, string districtId) =>
        await TrucksAsync(grains, (await IndexedAsync(grains, districtId, new AssetQuery(Kind: AssetKind.Truck))).Select(c => c.AssetId));

    private static async Task<List<IndexCandidate>> IndexedAsync(IGrainFactory grains, string districtId, AssetQuery query)
    {
        var index = grains.GetGrain<IDistrictAssetIndex>(districtId);
        var all = new List<IndexCandidate>();
        string? after = null;
        while (true)
        {
            var page = await index.FindCandidates(query, after, IndexPage);
            all.AddRange(page.Candidates);
            if (!page.More || page.Candidates.Count == 0)
                return all;
            after = page.Candidates[^1].AssetId;
        }
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
