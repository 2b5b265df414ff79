using CityTwin.Api.Audit;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Districts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace CityTwin.Api.Endpoints;

public sealed record ResolveAlertRequest(string? Note);

/// <summary>A district's alerts: list (read), acknowledge and resolve (operators; audited).</summary>
internal static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder v1)
    {
        var alerts = v1.MapGroup("/districts/{districtId}/alerts").WithTags("Alerts");
        alerts.MapGet("", List).RequireAuthorization(ApiPolicies.Read);
        var commands = alerts.MapGroup("/{alertId:long}").RequireAuthorization(ApiPolicies.Command).AddEndpointFilter<AuditFilter>();
        commands.MapPost("/acknowledge", Acknowledge);
        commands.MapPost("/resolve", Resolve);
        return v1;
    }

    private static async Task<IResult> List(string districtId, bool? includeCleared, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? TypedResults.Ok(await grains.GetGrain<IDistrictGrain>(districtId).ListAlerts(includeCleared ?? false));

    private static async Task<IResult> Acknowledge(string districtId, long alertId, ClaimsPrincipal user, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).AcknowledgeAlert(alertId, Caller.Name(user)));

    private static async Task<IResult> Resolve(string districtId, long alertId, ResolveAlertRequest? request, ClaimsPrincipal user, IGrainFactory grains) =>
        await CommandResults.UnknownDistrictAsync(grains, districtId)
        ?? CommandResults.From(await grains.GetGrain<IDistrictGrain>(districtId).ResolveAlert(alertId, Caller.Name(user), request?.Note));
}
