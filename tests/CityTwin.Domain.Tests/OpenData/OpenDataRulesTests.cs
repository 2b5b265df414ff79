using CityTwin.Domain.Common;
using CityTwin.Domain.OpenData;

namespace CityTwin.Domain.Tests.OpenData;

public class GridCellTests
{
    [Fact]
    public void A_point_lies_inside_its_cell_and_nearby_points_share_it()
    {
        var cell = GridCells.Of(52.3731, 4.8922);
        Assert.InRange(52.3731, cell.South, cell.North);
        Assert.InRange(4.8922, cell.West, cell.East);
        Assert.Equal(cell, GridCells.Of(52.3731, 4.8922));
        Assert.Equal(cell.Id, GridCells.Of(cell.South + 1e-9, cell.West + 1e-9).Id);
        Assert.NotEqual(cell.Id, GridCells.Of(cell.North + 1e-9, cell.West + 1e-9).Id);
    }

    [Theory]
    [InlineData(0.0, 500.0)]
    [InlineData(52.37, 500.0)]
    [InlineData(64.1, 250.0)]
    [InlineData(-33.9, 1000.0)]
    public void Cells_are_near_square_on_the_ground_at_any_latitude(double latitude, double size)
    {
        var cell = GridCells.Of(latitude, 10.0, size);
        var middle = (cell.South + cell.North) / 2;
        var height = GeoDistance.HaversineMetres(cell.South, cell.West, cell.North, cell.West);
        var width = GeoDistance.HaversineMetres(middle, cell.West, middle, cell.East);
        Assert.Equal(size, height, size * 0.01);
        Assert.Equal(size, width, size * 0.01);
    }

    [Fact]
    public void Points_west_and_south_of_zero_get_negative_cells_not_the_zero_cell()
    {
        Assert.Equal("r0c0", GridCells.Of(0.001, 0.001).Id);
        Assert.Equal("r-1c-1", GridCells.Of(-0.001, -0.001).Id);
    }

    [Fact]
    public void Impossible_input_is_refused_naming_it()
    {
        Assert.Equal("latitude", Assert.Throws<ArgumentOutOfRangeException>(() => GridCells.Of(91, 0)).ParamName);
        Assert.Equal("longitude", Assert.Throws<ArgumentOutOfRangeException>(() => GridCells.Of(0, double.NaN)).ParamName);
        Assert.Equal("cellMetres", Assert.Throws<ArgumentOutOfRangeException>(() => GridCells.Of(0, 0, 1)).ParamName);
    }
}

public class KAnonymityTests
{
    [Theory]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(0, 1, false)]
    [InlineData(1, 1, true)]
    public void An_area_is_published_from_k_assets_on(int assets, int k, bool publishable) =>
        Assert.Equal(publishable, KAnonymity.Publishable(assets, k));

    [Fact]
    public void Areas_under_k_are_left_out_entirely()
    {
        var areas = new[] { ("a", 7), ("b", 4), ("c", 5), ("d", 1) };
        Assert.Equal(["a", "c"], KAnonymity.Publishable(areas, a => a.Item2).Select(a => a.Item1));
        Assert.Equal(["a"], KAnonymity.Publishable(areas, a => a.Item2, 6).Select(a => a.Item1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KAnonymity.Publishable(3, 0));
    }
}

public class NearestAssetTests
{
    private static readonly PlacedAsset Near = new("bin-b", 52.3700, 4.8900);
    private static readonly PlacedAsset Far = new("bin-a", 52.3720, 4.8900);

    [Fact]
    public void The_nearest_asset_within_reach_is_chosen()
    {
        var found = NearestAsset.Find(52.3701, 4.8900, [Far, Near]);
        Assert.Equal("bin-b", found!.Value.Asset.AssetId);
        Assert.Equal(11.1, found.Value.Metres, 0.2);
    }

    [Fact]
    public void Nothing_is_chosen_beyond_reach_and_ties_go_to_the_smaller_id()
    {
        Assert.Null(NearestAsset.Find(52.3800, 4.8900, [Far, Near]));
        Assert.Null(NearestAsset.Find(52.3701, 4.8900, []));
        var twin = Near with { AssetId = "bin-0" };
        Assert.Equal("bin-0", NearestAsset.Find(52.3701, 4.8900, [Near, twin])!.Value.Asset.AssetId);
    }
}

public class CitizenReportTests
{
    [Fact]
    public void A_good_report_passes_and_names_its_asset_kind()
    {
        Assert.Empty(CitizenReports.Validate(new(CitizenReports.OverflowingBin, 52.37, 4.89, "lid will not close")));
        Assert.Equal("bin", CitizenReports.AssetKindOf(CitizenReports.OverflowingBin));
        Assert.Equal("streetlight", CitizenReports.AssetKindOf(CitizenReports.BrokenLight));
    }

    [Fact]
    public void Every_wrong_field_is_named()
    {
        var errors = CitizenReports.Validate(new("graffiti", 95, null, new string('x', 501)));
        Assert.Equal(["description", "kind", "latitude", "longitude"], errors.Select(e => e.Field).Order());
        Assert.Equal("description", Assert.Single(CitizenReports.Validate(new(CitizenReports.BrokenLight, 52.37, 4.89, "bad\u0007"))).Field);
    }
}
