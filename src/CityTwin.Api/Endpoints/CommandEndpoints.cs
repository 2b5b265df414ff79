using System.Security.Claims;
using CityTwin.Api.Audit;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Trucks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>A period with a level: <see cref="From"/> defaults to now; <see cref="Level"/> 0..1.</summary>
public sealed record LightingOverrideBody(double? Level, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);

public sealed record SegmentClosureBody(string? Reason);

/// <summary>When the bin was emptied (defaults to now).</summary>
public sealed record ManualCollectionBody(DateTimeOffset? At);

/// <summary>A maintenance window: <see cref="AssetId"/> null covers the whole district; <see cref="From"/> defaults to now.</summary>
public sealed record MaintenanceBody(string? AssetId, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);

/// <summary>What a command created, by the id to cancel or end it with.</summary>
public sealed record CreatedId(string Id);

/// <summary>Operators' commands (operator and admin); every call is audited.</summary>
internal static class CommandEndpoints
{
    public static RouteGroupBuilder MapCommands(this RouteGroupBuilder v1)
    {
        var commands = v1.MapGroup("/commands").WithTags("Commands")
            .RequireAuthorization(ApiPolicies.Command)
            .AddEndpointFilter<AuditFilter>();
        commands.MapPost("/lights/{lightId}/override", OverrideLight);
        commands.MapPost("/districts/{districtId}/dimming-override", OverrideDistrict);
        commands.MapDelete("/districts/{districtId}/overrides/{overrideId}", CancelOverride);
        commands.MapPost("/districts/{districtId}/road-segments/{segmentId}/close", CloseSegment);
        commands.MapPost("/districts/{districtId}/road-segments/{segmentId}/reopen", ReopenSegment);
        commands.MapPost("/trucks/{truckId}/dispatch", (string truckId, IGrainFactory grains, GrainReferences references) => SetOutOfService(truckId, false, grains, references));
        commands.MapPost("/trucks/{truckId}/recall", (string truckId, IGrainFactory grains, GrainReferences references) => SetOutOfService(truckId, true, grains, references));
        commands.MapPost("/bins/{binId}/collected", MarkCollected);
        commands.MapPost("/districts/{districtId}/maintenance", SetMaintenance);
        commands.MapDelete("/districts/{districtId}/maintenance/{windowId}", EndMaintenance);
        // Listing windows is a read; it sits here beside the commands that make them.
        v1.MapGet("/districts/{districtId}/maintenance", async (string districtId, IGrainFactory grains) =>
            await CommandResults.UnknownDistrictAsync(grains, districtId)
            ?? TypedResults.Ok(await grains.GetGrain<IDistrictGrain>(districtId).ListMaintenance()))
            .WithTags("Commands").RequireAuthorization(ApiPolicies.Read);
        return v1;
    }

    private static async Task<IResult> OverrideLight(string lightId, LightingOverrideBody body, ClaimsPrincipal user, IGrainFactory grains, GrainReferences references, TimeProvider clock)
    {
        var (districtId, problem) = await DistrictOfAsync(references, lightId, AssetKind.Streetlight, "lightId");
        return problem ?? await SetOverrideAsync(grains, districtId!, lightId, body, user, clock);
    }

    private static async Task<IResult> OverrideDistrict(string districtId, LightingOverrideBody body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? await SetOverrideAsync(grains, districtId, null, body, user, clock);

    private static async Task<IResult> SetOverrideAsync(IGrainFactory grains, string districtId, string? lightId, LightingOverrideBody body, ClaimsPrincipal user, TimeProvider clock)
    {
        if (body.Level is not { } level)
            return ApiProblems.Invalid("level", "is required (0 to 1)");
        if (body.Until is not { } until)
            return ApiProblems.Invalid("until", "is required: when the override ends");
        var id = NewId("ovr");
        var request = new LightingOverrideRequest(id, lightId, level, body.From ?? clock.GetUtcNow(), until, Caller.Name(user), body.Reason);
        return CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).SetLightingOverride(request),
            () => TypedResults.Ok(new CreatedId(id)));
    }

    private static async Task<IResult> CancelOverride(string districtId, string overrideId, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).CancelLightingOverride(overrideId));

    private static async Task<IResult> CloseSegment(string districtId, string segmentId, SegmentClosureBody? body, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<ICollectionPlannerGrain>(districtId).CloseSegment(segmentId, body?.Reason));

    private static async Task<IResult> ReopenSegment(string districtId, string segmentId, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<ICollectionPlannerGrain>(districtId).ReopenSegment(segmentId));

    /// <summary>Dispatch puts a truck (back) in service for the planner's next routes; recall takes it out, and the planner re-plans its bins.</summary>
    private static async Task<IResult> SetOutOfService(string truckId, bool outOfService, IGrainFactory grains, GrainReferences references)
    {
        if (await DistrictOfAsync(references, truckId, AssetKind.Truck, "truckId") is { Problem: { } problem })
            return problem;
        return CommandResults.From(await grains.GetGrain<ITruckGrain>(truckId).SetOutOfService(outOfService));
    }

    private static async Task<IResult> MarkCollected(string binId, ManualCollectionBody? body, IGrainFactory grains, GrainReferences references, TimeProvider clock)
    {
        if (await DistrictOfAsync(references, binId, AssetKind.Bin, "binId") is { Problem: { } problem })
            return problem;
        var id = NewId("manual");
        return CommandResults.From(await grains.GetGrain<IBinGrain>(binId).RecordCollection(id, body?.At ?? clock.GetUtcNow()),
            () => TypedResults.Ok(new CreatedId(id)));
    }

    private static async Task<IResult> SetMaintenance(string districtId, MaintenanceBody body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (await CommandResults.UnknownDistrictAsync(grains, districtId) is { } unknown)
            return unknown;
        if (body.Until is not { } until)
            return ApiProblems.Invalid("until", "is required: when the window ends");
        if (body.AssetId is { } assetId && await grains.GetGrain<IAssetKindLookup>(assetId).GetKind() is null)
            return ApiProblems.NotFound("assetId", assetId, "asset");
        var id = NewId("mnt");
        var window = new MaintenanceRequest(id, body.AssetId, body.From ?? clock.GetUtcNow(), until, Caller.Name(user), body.Reason);
        return CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).SetMaintenance(window),
            () => TypedResults.Ok(new CreatedId(id)));
    }

    private static async Task<IResult> EndMaintenance(string districtId, string windowId, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).EndMaintenance(windowId));

    /// <summary>The district of an asset of <paramref name="kind"/>, or the 404 naming <paramref name="field"/>.</summary>
    private static async Task<(string? DistrictId, IResult? Problem)> DistrictOfAsync(GrainReferences grains, string assetId, AssetKind kind, string field)
    {
        if (await grains.Get<IAssetKindLookup>(assetId).GetKind() != kind)
            return (null, ApiProblems.NotFound(field, assetId, kind.Segment()));
        var status = await AssetTwins.Get(grains, kind, assetId).GetStatus();
        return status.DistrictId is { } district ? (district, null) : (null, ApiProblems.NotFound(field, assetId, $"provisioned {kind.Segment()}"));
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
