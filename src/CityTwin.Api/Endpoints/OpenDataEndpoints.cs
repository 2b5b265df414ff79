using System.Globalization;
using CityTwin.Api.OpenData;
using CityTwin.Api.Problems;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Districts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>A district's open figures; districts with fewer than k assets (trucks never count) are left out.</summary>
public sealed record OpenDistrict(string DistrictId, string Name, int Assets, OpenFigures Figures);

/// <summary>One grid cell's open figures; its edges in degrees.</summary>
public sealed record OpenCell(string CellId, double South, double West, double North, double East, int Assets, OpenFigures Figures);

public sealed record OpenCells(string DistrictId, double CellMetres, IReadOnlyList<OpenCell> Cells);

/// <summary>
/// Open data for anyone (<c>/api/v1/open</c>): aggregates from the districts' asset indexes only (no twin is
/// asked, no id, no truck), under k-anonymity, cacheable.
/// </summary>
internal static class OpenDataEndpoints
{
    public const double DefaultCellMetres = Domain.OpenData.GridCells.DefaultCellMetres;
    public const double MinCellMetres = 100;
    public const double MaxCellMetres = 10_000;

    /// <summary>The grid a district's figures are summed from: its counts do not depend on it, and a coarse one has few cells.</summary>
    private const double DistrictCellMetres = 5_000;

    public static RouteGroupBuilder MapOpenData(this RouteGroupBuilder v1)
    {
        var open = v1.MapGroup("/open").WithTags("Open data").AllowAnonymous();
        open.MapGet("/districts", Districts);
        open.MapGet("/cells", Cells);
        return v1;
    }

    private static async Task<IResult> Districts(HttpContext http, IGrainFactory grains, OpenDataSettings settings)
    {
        var districts = await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts();
        var open = await Task.WhenAll(districts.OrderBy(d => d.Id, StringComparer.Ordinal).Select(async district =>
        {
            var cells = await grains.GetGrain<IDistrictGrain>(district.Id).GetCellAggregates(DistrictCellMetres, 1);
            return new OpenDistrict(district.Id, district.Name, cells.Sum(c => c.Assets), OpenFigures.Of(cells, settings.MinAssets));
        }));
        return CacheableJson.Of(http, open.Where(d => d.Assets >= settings.MinAssets).ToArray());
    }

    private static async Task<IResult> Cells(HttpContext http, string? district, string? cellMetres, IGrainFactory grains, OpenDataSettings settings)
    {
        var errors = new List<Contracts.Common.FieldError>();
        if (string.IsNullOrWhiteSpace(district))
            errors.Add(new("district", "is required"));
        var metres = DefaultCellMetres;
        if (cellMetres is not null
            && (!double.TryParse(cellMetres, NumberStyles.Float, CultureInfo.InvariantCulture, out metres)
                || !double.IsFinite(metres) || metres < MinCellMetres || metres > MaxCellMetres))
            errors.Add(new("cellMetres", $"'{cellMetres}' is not a number of metres in {MinCellMetres}..{MaxCellMetres}"));
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        if (await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(district!) is null)
            return ApiProblems.NotFound("district", district!, "district");

        var aggregates = await grains.GetGrain<IDistrictGrain>(district!).GetCellAggregates(metres, settings.MinAssets);
        var cells = aggregates.Select(c => new OpenCell(c.CellId, c.South, c.West, c.North, c.East, c.Assets, OpenFigures.Of(c, settings.MinAssets)));
        return CacheableJson.Of(http, new OpenCells(district!, metres, [.. cells]));
    }
}
