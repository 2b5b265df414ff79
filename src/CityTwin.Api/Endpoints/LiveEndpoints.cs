using System.Globalization;
using CityTwin.Api.Live;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Live;
using CityTwin.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Api.Endpoints;

/// <summary>
/// The live operations surface: a district's events as Server-Sent Events (resumable with <c>Last-Event-ID</c>)
/// and the map the live page draws once (roads, assets where they stand, trucks and their routes).
/// </summary>
internal static class LiveEndpoints
{
    /// <summary>Default gap between heartbeats when nothing happens (<c>Live:HeartbeatSeconds</c>).</summary>
    private const double DefaultHeartbeatSeconds = 15;

    public static RouteGroupBuilder MapLive(this RouteGroupBuilder v1)
    {
        v1.MapGet("/districts/{districtId}/events", StreamEvents)
            .RequireAuthorization(ApiPolicies.Read)
            .WithTags("Live")
            .WithName("StreamDistrictEvents")
            .WithSummary("A district's live events as text/event-stream: twin, alert, plan; snapshot first when starting over")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        v1.MapGet("/districts/{districtId}/map", GetMap)
            .RequireAuthorization(ApiPolicies.Read)
            .WithTags("Live")
            .WithName("GetDistrictMap")
            .WithSummary("The district's roads, assets with coordinates and current bands, trucks with their routes");
        return v1;
    }

    private static async Task<IResult> StreamEvents(
        string districtId, HttpContext http, IGrainFactory grains, IConfiguration configuration, ILoggerFactory loggers)
    {
        if (!TryReadLastEventId(http.Request, out var afterId, out var problem))
            return problem!;
        if (await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(districtId) is null)
            return UnknownDistrict(districtId);
        var heartbeat = TimeSpan.FromSeconds(configuration.GetValue("Live:HeartbeatSeconds", DefaultHeartbeatSeconds));
        await new LiveEventStream(grains, heartbeat, loggers.CreateLogger(typeof(LiveEventStream))).RunAsync(http, districtId, afterId);
        return Results.Empty;
    }

    private static async Task<IResult> GetMap(
        string districtId, string? only, IGrainFactory grains, GrainReferences references, CancellationToken cancellationToken)
    {
        if (only is not null and not "trucks")
            return ApiProblems.Invalid("only", $"'{only}' is not a part of the map; the one part that can be asked alone is 'trucks'");
        if (await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(districtId) is not { } district)
            return UnknownDistrict(districtId);
        // One read of the index gives the trucks and, for the whole map, every asset's place.
        var indexed = await DistrictMaps.IndexedAsync(grains, districtId, only == "trucks" ? new AssetQuery(Kind: AssetKind.Truck) : new AssetQuery());
        var trucks = await DistrictMaps.TrucksAsync(grains, indexed.Where(c => c.Kind == AssetKind.Truck).Select(c => c.AssetId));
        if (only == "trucks")
            return Results.Json(new DistrictMap(district, [], [], trucks), LiveJson.Options);
        // A read from 0 always answers with a snapshot: the roster with each asset's bands now.
        var snapshot = (await grains.GetGrain<IDistrictFeed>(districtId).ReadFeed(0, TimeSpan.Zero)).Snapshot!;
        var roads = await grains.GetGrain<IRoadNetworkGrain>(districtId).GetSegments();
        var assets = await DistrictMaps.AssetsAsync(references, indexed, snapshot.Assets, cancellationToken);
        return Results.Json(
            new DistrictMap(district, [.. roads.Select(r => new MapRoad(r.Id, r.Geometry))], assets, trucks),
            LiveJson.Options);
    }

    /// <summary>The header an EventSource sends when it reconnects; <c>?lastEventId=</c> serves clients that cannot set it.</summary>
    private static bool TryReadLastEventId(HttpRequest request, out long afterId, out IResult? problem)
    {
        afterId = 0;
        problem = null;
        var (name, text) = request.Headers.TryGetValue("Last-Event-ID", out var header) && !string.IsNullOrWhiteSpace(header)
            ? ("Last-Event-ID", header.ToString())
            : ("lastEventId", request.Query["lastEventId"].ToString());
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out afterId))
            return true;
        problem = ApiProblems.Invalid(name, $"'{text}' is not an event id (a whole number this stream sent)");
        return false;
    }

    private static IResult UnknownDistrict(string districtId) => ApiProblems.NotFound("districtId", districtId, "district");
}
