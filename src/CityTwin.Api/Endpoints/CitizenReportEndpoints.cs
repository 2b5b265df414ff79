using CityTwin.Api.Audit;
using CityTwin.Api.OpenData;
using CityTwin.Api.Problems;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Queries;
using CityTwin.Domain.OpenData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <param name="Kind">overflowingBin or brokenLight.</param>
public sealed record CitizenReportRequest(string? Kind, double? Latitude, double? Longitude, string? Description);

/// <summary>The alert the report became (or was folded into) and the asset it is linked to.</summary>
public sealed record CitizenReportAccepted(long AlertId, string AssetId, string DistrictId);

/// <summary>
/// Anyone may report an overflowing bin or a broken light (rate-limited per client, audited as "anonymous"): it
/// becomes a <c>citizenReport</c> alert on the nearest asset of its kind within 150 m, in that asset's district.
/// </summary>
internal static class CitizenReportEndpoints
{
    /// <summary>Candidates asked of a district's index per call; a denser spot pages on.</summary>
    private const int CandidatePage = 200;

    public static RouteGroupBuilder MapCitizenReports(this RouteGroupBuilder v1)
    {
        v1.MapPost("/citizen-reports", Report)
            .WithTags("Citizen reports")
            .AllowAnonymous()
            .RequireRateLimiting(CitizenReportLimiter.Policy)
            .AddEndpointFilter<AuditFilter>();
        return v1;
    }

    private static async Task<IResult> Report(CitizenReportRequest? request, IGrainFactory grains)
    {
        if (request is null)
            return ApiProblems.Invalid("body", "is required: { kind, latitude, longitude, description? }");
        var violations = CitizenReports.Validate(new CitizenReport(request.Kind, request.Latitude, request.Longitude, request.Description));
        if (violations.Count > 0)
            return ApiProblems.Invalid([.. violations.Select(v => new FieldError(v.Field, v.Message))]);

        var kind = CitizenReports.AssetKindOf(request.Kind!) == "bin" ? AssetKind.Bin : AssetKind.Streetlight;
        var (latitude, longitude) = (request.Latitude!.Value, request.Longitude!.Value);
        var districts = await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts();
        var found = await Task.WhenAll(districts.Select(d => NearestInAsync(grains.GetGrain<IDistrictGrain>(d.Id), d.Id, kind, latitude, longitude)));
        if (found.Where(f => f is not null).OrderBy(f => f!.Value.Metres).ThenBy(f => f!.Value.Asset.AssetId, StringComparer.Ordinal).FirstOrDefault()
            is not { } nearest)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No asset near",
                detail: $"latitude, longitude: no {(kind == AssetKind.Bin ? "bin" : "streetlight")} within {NearestAsset.DefaultMaxMetres:0} m of {latitude}, {longitude}",
                extensions: new Dictionary<string, object?> { ["fields"] = new[] { "latitude", "longitude" } });
        }

        var alertId = await grains.GetGrain<IDistrictGrain>(nearest.DistrictId)
            .RaiseCitizenReport(nearest.Asset.AssetId, request.Kind!, request.Description);
        return TypedResults.Accepted((string?)null, new CitizenReportAccepted(alertId, nearest.Asset.AssetId, nearest.DistrictId));
    }

    private static async Task<(PlacedAsset Asset, double Metres, string DistrictId)?> NearestInAsync(
        IDistrictGrain district, string districtId, AssetKind kind, double latitude, double longitude)
    {
        var query = new AssetQuery(Kind: kind, Near: new GeoCircle(new GeoPoint(latitude, longitude), NearestAsset.DefaultMaxMetres));
        var placed = new List<PlacedAsset>();
        string? after = null;
        IndexCandidates page;
        do
        {
            page = await district.FindCandidates(query, after, CandidatePage);
            placed.AddRange(page.Candidates.Where(c => c.Location is not null)
                .Select(c => new PlacedAsset(c.AssetId, c.Location!.Latitude, c.Location.Longitude)));
            after = page.Candidates.Count > 0 ? page.Candidates[^1].AssetId : after;
        }
        while (page.More && page.Candidates.Count > 0);
        return NearestAsset.Find(latitude, longitude, placed) is { } hit ? (hit.Asset, hit.Metres, districtId) : null;
    }
}
