using System.Globalization;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>The audit log (admin): one UTC day at a time, newest first.</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder v1)
    {
        v1.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(ApiPolicies.Admin);
        return v1;
    }

    /// <param name="date">yyyy-MM-dd (UTC); today by default.</param>
    private static async Task<IResult> List(string? date, int? limit, IGrainFactory grains, TimeProvider clock)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return ApiProblems.Invalid("date", $"'{date}' is not a date as yyyy-MM-dd");
        if (limit is < 1 or > MaxLimit)
            return ApiProblems.Invalid("limit", $"must be 1 to {MaxLimit}");
        return TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(AuditLog.KeyFor(day)).List(limit ?? DefaultLimit));
    }
}
