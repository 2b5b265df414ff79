using CityTwin.Contracts.Assets;
using CityTwin.Api.Endpoints;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Live;
using CityTwin.Contracts.Queries;
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
    /// Each asset where it was provisioned, from the district's asset index (<paramref name="indexed"/>); only an
    /// asset the index has no place for (not enrolled since the district activated) is asked for its record.
    /// </summary>
    public static async Task<IReadOnlyList<MapAsset>> AssetsAsync(
        GrainReferences grains, IReadOnlyList<IndexCandidate> indexed, IReadOnlyList<LiveAssetState> assets, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var candidate in indexed)
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
                : (await AssetTwins.Get(grains, asset.Kind, asset.AssetId).GetRecord())?.Provision.Location;
            located[i] = new MapAsset(asset.AssetId, asset.Kind, location, asset.Bands);
        });
        return located;
    }

    /// <summary>Every asset of the district that may match <paramref name="query"/>, read from its asset index a page (5,000) at a time.</summary>
    public static async Task<List<IndexCandidate>> IndexedAsync(IGrainFactory grains, string districtId, AssetQuery query)
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
}
