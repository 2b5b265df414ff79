using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>
/// An asset's twin: what every twin knows (<see cref="Status"/>), its provisioning record, and its kind's
/// own state (<see cref="Twin"/>: a BinTwin, StreetlightTwin, ...; null before its first reading).
/// </summary>
public sealed record AssetView(string Id, AssetKind Kind, TwinStatus Status, AssetRecord? Record, object? Twin);

internal static class AssetEndpoints
{
    public static RouteGroupBuilder MapAssets(this RouteGroupBuilder v1)
    {
        var assets = v1.MapGroup("/assets").WithTags("Assets");
        assets.MapGet("/{id}", GetAsset).RequireAuthorization(ApiPolicies.Read);
        assets.MapGet("/{id}/history", GetHistory).RequireAuthorization(ApiPolicies.Read);
        return v1;
    }

    private static async Task<Results<Ok<AssetView>, ProblemHttpResult>> GetAsset(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IAssetKindLookup>(id).GetKind() is not { } kind)
            return ApiProblems.NotFound("id", id, "asset");
        var twin = AssetTwins.Get(grains, kind, id);
        var status = twin.GetStatus();
        var record = twin.GetRecord();
        var state = AssetTwins.GetKindStateAsync(grains, kind, id);
        return TypedResults.Ok(new AssetView(id, kind, await status, await record, await state));
    }

    private static async Task<Results<Ok<AssetHistoryView>, ProblemHttpResult>> GetHistory(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IAssetKindLookup>(id).GetKind() is not { } kind)
            return ApiProblems.NotFound("id", id, "asset");
        IEnumerable<object> samples = await AssetTwins.GetKindStateAsync(grains, kind, id) switch
        {
            BinTwin bin => bin.History,
            StreetlightTwin light => light.History,
            TruckTwin truck => truck.Track,
            IntersectionTwin intersection => intersection.TravelTimeSamples,
            AirQualityTwin air => air.History,
            _ => [],
        };
        return TypedResults.Ok(new AssetHistoryView(id, kind, samples));
    }
}

/// <summary>
/// An asset's recent history as its twin keeps it: fill levels of a bin, levels of a light, a truck's track,
/// an intersection's travel-time samples, hourly means of an air-quality sensor; oldest first.
/// </summary>
public sealed record AssetHistoryView(string Id, AssetKind Kind, IEnumerable<object> Samples);

/// <summary>The twin grain of an asset by its kind (each kind has its own grain interface and class).</summary>
internal static class AssetTwins
{
    public static IAssetTwinGrain Get(IGrainFactory grains, AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => grains.GetGrain<IBinGrain>(id),
        AssetKind.Streetlight => grains.GetGrain<IStreetlightGrain>(id),
        AssetKind.Intersection => grains.GetGrain<IIntersectionGrain>(id),
        AssetKind.Truck => grains.GetGrain<ITruckGrain>(id),
        AssetKind.AirQuality => grains.GetGrain<IAirQualityGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no twin grain for this kind"),
    };

    public static async Task<object?> GetKindStateAsync(IGrainFactory grains, AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => await grains.GetGrain<IBinGrain>(id).GetTwin(),
        AssetKind.Streetlight => await grains.GetGrain<IStreetlightGrain>(id).GetTwin(),
        AssetKind.Intersection => await grains.GetGrain<IIntersectionGrain>(id).GetTwin(),
        AssetKind.Truck => await grains.GetGrain<ITruckGrain>(id).GetTwin(),
        AssetKind.AirQuality => await grains.GetGrain<IAirQualityGrain>(id).GetTwin(),
        _ => null,
    };
}
