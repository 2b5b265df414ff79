using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using Microsoft.AspNetCore.Http;

namespace CityTwin.Api.Problems;

/// <summary>Turns a grain's <see cref="CommandResult"/> into an HTTP answer, and checks the ids a route names.</summary>
public static class CommandResults
{
    /// <summary>The success answer when accepted, else 400 naming every field the grain refused.</summary>
    public static IResult From(CommandResult result, Func<IResult> accepted) =>
        result.Accepted ? accepted() : ApiProblems.Invalid(result.Errors);

    public static IResult From(CommandResult result) => From(result, TypedResults.NoContent);

    /// <summary>404 naming <c>districtId</c> when the city has no such district, else null.</summary>
    public static async Task<IResult?> UnknownDistrictAsync(IGrainFactory grains, string districtId) =>
        await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(districtId) is null
            ? ApiProblems.NotFound("districtId", districtId, "district")
            : null;
}
