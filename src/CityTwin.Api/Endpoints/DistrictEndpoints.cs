using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>A district's summary: its directory entry, live counts and picture (kept by the district, no scan of twins).</summary>
public sealed record DistrictSummary(District District, DistrictCounts Counts, DistrictPictureView Picture);

internal static class DistrictEndpoints
{
    public static RouteGroupBuilder MapDistricts(this RouteGroupBuilder v1)
    {
        var districts = v1.MapGroup("/districts").WithTags("Districts").RequireAuthorization(ApiPolicies.Read);
        districts.MapGet("", async (IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts()));
        districts.MapGet("/{districtId}", GetSummary);
        return v1;
    }

    private static async Task<IResult> GetSummary(string districtId, GrainReferences grains)
    {
        if (await grains.Get<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(districtId) is not { } district)
            return ApiProblems.NotFound("districtId", districtId, "district");
        var grain = grains.Get<IDistrictGrain>(districtId);
        var counts = grain.GetCounts();
        var picture = grain.GetPicture();
        return TypedResults.Ok(new DistrictSummary(district, await counts, await picture));
    }
}
