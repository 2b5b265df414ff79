using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Queries;
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
        assets.MapGet("", ListAssets).RequireAuthorization(ApiPolicies.Read);
        assets.MapGet("/{id}", GetAsset).RequireAuthorization(ApiPolicies.Read);
        assets.MapGet("/{id}/history", GetHistory).RequireAuthorization(ApiPolicies.Read);
        return v1;
    }

    /// <summary>
    /// A filtered page of assets from the query grain (live twin values, narrowed by the districts' indexes).
    /// <paramref name="near"/> is <c>lat,lon,radiusMetres</c>; <paramref name="box"/> is <c>south,west,north,east</c>.
    /// </summary>
    private static async Task<Results<Ok<AssetPage>, ValidationProblem>> ListAssets(
        string? kind, string? district, string? status, double? fillAbove, double? fillBelow, bool? stale,
        string? sensorHealth, string? near, string? box, int? pageSize, string? cursor, IGrainFactory grains)
    {
        AssetKind? kindFilter = null;
        if (kind is not null)
        {
            if (!AssetKinds.TryParseSegment(kind, out var parsed))
                return ApiProblems.Invalid("kind", $"'{kind}' is not one of bin, streetlight, intersection, truck, airquality");
            kindFilter = parsed;
        }
        GeoCircle? circle = null;
        if (near is not null)
        {
            if (Numbers(near, 3) is not [var lat, var lon, var radius])
                return ApiProblems.Invalid("near", "must be latitude,longitude,radiusMetres");
            circle = new GeoCircle(new GeoPoint(lat, lon), radius);
        }
        GeoBox? area = null;
        if (box is not null)
        {
            if (Numbers(box, 4) is not [var south, var west, var north, var east])
                return ApiProblems.Invalid("box", "must be south,west,north,east");
            area = new GeoBox(south, west, north, east);
        }
        var query = new AssetQuery(kindFilter, district, status, fillAbove, fillBelow, stale, sensorHealth, circle, area, pageSize, cursor);
        if (query.Validate() is { Count: > 0 } errors)
            return ApiProblems.Invalid(errors);
        var page = await grains.GetGrain<ICityQueryGrain>(CityQueries.Key).ListAssets(query);
        return page.Errors is { Count: > 0 } refused ? ApiProblems.Invalid(refused) : TypedResults.Ok(page);
    }

    private static double[]? Numbers(string text, int count)
    {
        var parts = text.Split(',');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]))
                return null;
        }
        return numbers.Length == count ? numbers : null;
    }

    private static async Task<Results<Ok<AssetView>, ProblemHttpResult>> GetAsset(string id, GrainReferences grains, AssetKindMemo kinds)
    {
        var (found, remembered) = await kinds.FindAsync(id);
        if (found is not { } kind)
            return ApiProblems.NotFound("id", id, "asset");
        // One call for status, record and the kind's state: three were two thirds of the request's grain calls.
        var view = await AssetTwins.Get(grains, kind, id).GetView();
        if (remembered && view.Record is null)
        {
            // Deleted since the kind was remembered, perhaps provisioned again as another kind.
            kinds.Forget(id);
            return await GetAsset(id, grains, kinds);
        }
        return TypedResults.Ok(new AssetView(id, kind, view.Status, view.Record, view.Twin));
    }

    private static async Task<Results<Ok<AssetHistoryView>, ProblemHttpResult>> GetHistory(string id, GrainReferences grains)
    {
        if (await grains.Get<IAssetKindLookup>(id).GetKind() is not { } kind)
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
    public static IAssetTwinGrain Get(GrainReferences grains, AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => grains.Get<IBinGrain>(id),
        AssetKind.Streetlight => grains.Get<IStreetlightGrain>(id),
        AssetKind.Intersection => grains.Get<IIntersectionGrain>(id),
        AssetKind.Truck => grains.Get<ITruckGrain>(id),
        AssetKind.AirQuality => grains.Get<IAirQualityGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no twin grain for this kind"),
    };

    public static async Task<object?> GetKindStateAsync(GrainReferences grains, AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => await grains.Get<IBinGrain>(id).GetTwin(),
        AssetKind.Streetlight => await grains.Get<IStreetlightGrain>(id).GetTwin(),
        AssetKind.Intersection => await grains.Get<IIntersectionGrain>(id).GetTwin(),
        AssetKind.Truck => await grains.Get<ITruckGrain>(id).GetTwin(),
        AssetKind.AirQuality => await grains.Get<IAirQualityGrain>(id).GetTwin(),
        _ => null,
    };
}
