using System.Security.Claims;
using CityTwin.Api.Audit;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Districts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>A district's collection plan (null before the first), the planner's activity and the closed segments.</summary>
public sealed record CollectionPlanState(CollectionPlanView? Plan, PlanningView Planning, IReadOnlyList<ClosedSegmentView> ClosedSegments, CollectionSettings? Settings);

/// <summary>The dimming policy in force, operators' overrides, and each light's target now.</summary>
public sealed record DimmingState(DimmingPolicySettings Policy, IReadOnlyList<LightingOverrideRequest> Overrides, IReadOnlyList<LightTargetView> Targets);

/// <summary>A revision of the dimming policy: fields left out keep their value in force.</summary>
public sealed record DimmingPolicyRequest(
    string? Horizon, double? FullLevel, double? TrafficLevel, double? DimmedLevel, double? SafetyMinimumLevel,
    double? FailedNeighbourLevel, double? LowTrafficPerHour, TimeSpan? PresenceHold, TimeSpan? ReactionTime,
    double? MaxCommandsPerSecond, string? Note);

/// <summary>Collection and dimming plans (read), and the dimming policy (admin; audited).</summary>
internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder v1)
    {
        var plans = v1.MapGroup("/districts/{districtId}").WithTags("Plans");
        plans.MapGet("/collection-plan", GetCollectionPlan).RequireAuthorization(ApiPolicies.Read);
        plans.MapGet("/dimming", GetDimming).RequireAuthorization(ApiPolicies.Read);
        plans.MapGet("/dimming-policy/history", async (string districtId, IGrainFactory grains) =>
            await CommandResults.UnknownDistrictAsync(grains, districtId)
            ?? TypedResults.Ok(await grains.GetGrain<IDistrictGrain>(districtId).GetDimmingPolicyHistory())).RequireAuthorization(ApiPolicies.Read);
        plans.MapPut("/dimming-policy", ReviseDimmingPolicy).RequireAuthorization(ApiPolicies.Admin).AddEndpointFilter<AuditFilter>();
        return v1;
    }

    private static async Task<IResult> GetCollectionPlan(string districtId, IGrainFactory grains)
    {
        if (await CommandResults.UnknownDistrictAsync(grains, districtId) is { } unknown)
            return unknown;
        var planner = grains.GetGrain<ICollectionPlannerGrain>(districtId);
        return TypedResults.Ok(new CollectionPlanState(
            await planner.GetPlan(), await planner.GetPlanning(), await planner.GetClosedSegments(), await planner.GetSettings()));
    }

    private static async Task<IResult> GetDimming(string districtId, IGrainFactory grains)
    {
        if (await CommandResults.UnknownDistrictAsync(grains, districtId) is { } unknown)
            return unknown;
        var district = grains.GetGrain<IDistrictGrain>(districtId);
        return TypedResults.Ok(new DimmingState(
            await district.GetDimmingPolicy(), await district.ListLightingOverrides(), await district.GetLightTargets()));
    }

    private static async Task<IResult> ReviseDimmingPolicy(string districtId, DimmingPolicyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await CommandResults.UnknownDistrictAsync(grains, districtId) is { } unknown)
            return unknown;
        var district = grains.GetGrain<IDistrictGrain>(districtId);
        var current = await district.GetDimmingPolicy();
        var proposed = current with
        {
            Horizon = request.Horizon ?? current.Horizon,
            FullLevel = request.FullLevel ?? current.FullLevel,
            TrafficLevel = request.TrafficLevel ?? current.TrafficLevel,
            DimmedLevel = request.DimmedLevel ?? current.DimmedLevel,
            SafetyMinimumLevel = request.SafetyMinimumLevel ?? current.SafetyMinimumLevel,
            FailedNeighbourLevel = request.FailedNeighbourLevel ?? current.FailedNeighbourLevel,
            LowTrafficPerHour = request.LowTrafficPerHour ?? current.LowTrafficPerHour,
            PresenceHold = request.PresenceHold ?? current.PresenceHold,
            ReactionTime = request.ReactionTime ?? current.ReactionTime,
            MaxCommandsPerSecond = request.MaxCommandsPerSecond ?? current.MaxCommandsPerSecond,
        };
        var revised = await district.ReviseDimmingPolicy(proposed, Caller.Name(user), request.Note);
        return revised.Accepted ? TypedResults.Ok(await district.GetDimmingPolicy()) : ApiProblems.Invalid(revised.Errors);
    }
}
