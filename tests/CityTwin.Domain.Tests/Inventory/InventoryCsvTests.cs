using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class InventoryCsvTests
{
    private const string Header = "assetId,kind,districtId,latitude,longitude,deviceId,binCapacity,ratedPowerWatts,pollutants";

    private static InventoryDocument Parse(string text) => InventoryCsv.Parse(new StringReader(text));

    private static InventoryDocument ParseRows(params string[] rows) => Parse(string.Join("\n", [Header, .. rows]));

    [Fact]
    public void Rows_become_assets_with_their_kind_parameters()
    {
        var document = ParseRows(
            "bin-0001,bin,centrum,52.3731,4.8922,dev-b1,240,,",
            "light-0001,streetlight,centrum,52.3740,4.8930,dev-l1,,60,",
            "air-0001,airquality,noord,52.39,4.92,dev-a1,,,pm25 no2");

        Assert.Empty(document.Problems);
        Assert.Equal(3, document.RowsRead);
        var bin = document.Assets[0];
        Assert.Equal(new InventoryRow(2, "bin-0001", "bin", "centrum", 52.3731, 4.8922, "dev-b1", bin.Parameters), bin);
        Assert.Equal("240", Assert.Single(bin.Parameters).Value);
        Assert.Equal(3, document.Assets[1].Row);
        Assert.Equal("pm25 no2", document.Assets[2].Parameters[InventoryColumns.Pollutants]);
    }

    [Fact]
    public void Quoted_cells_keep_commas_doubled_quotes_and_line_breaks_and_rows_are_counted_as_records()
    {
        var document = Parse(
            "assetId,kind,districtId,latitude,longitude,deviceId,pollutants\r\n" +
            "\"air-0001\",airquality,\"centrum\",\"52.37\",4.89,dev-1,\"pm25;\r\nno2\"\r\n" +
            "air-0002,airquality,centrum,52.37,4.89,\"dev-\"\"2\",pm10\r\n" +
            "air-0003,airquality,centrum,52.37,4.89,dev-3,o3\r\n");

        Assert.Equal("pm25;\r\nno2", document.Assets[0].Parameters[InventoryColumns.Pollutants]);
        var problem = Assert.Single(document.Problems);
        Assert.Equal(new RowProblem(3, "air-0002", "deviceId", problem.Message), problem);
        Assert.Contains("dev-\"2", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, document.Assets[1].Row);
    }

    [Fact]
    public void Numbers_are_read_the_invariant_way_and_anything_else_is_reported_by_field()
    {
        var document = ParseRows(
            "bin-0001,bin,centrum,\"52,37\",4.89,dev-1,240,,",
            "bin-0002,bin,centrum,52.37,east,dev-2,240,,",
            "bin-0003,bin,centrum,,4.89,dev-3,240,,",
            "bin-0004,bin,centrum,91,4.89,dev-4,240,,",
            "bin-0005,bin,centrum,1e1,4.89,dev-5,240,,");

        Assert.Equal(
            [(2, "latitude"), (3, "longitude"), (4, "latitude"), (5, "latitude")],
            document.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Contains("'.'", document.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("is required", document.Problems[2].Message);
        Assert.Equal(10, Assert.Single(document.Assets).Latitude);
        Assert.Equal(4, document.RowsRejected);
    }

    [Fact]
    public void An_unknown_kind_and_bad_ids_are_each_reported()
    {
        var document = ParseRows("Bin 7,lamp,Centrum,52.37,4.89,dev/1,,,");

        Assert.Equal(["assetId", "districtId", "deviceId", "kind"], document.Problems.Select(p => p.Field));
        Assert.All(document.Problems, p => Assert.Equal("Bin 7", p.Id));
        Assert.Contains("'lamp' is not a kind", document.Problems[3].Message, StringComparison.Ordinal);
        Assert.Empty(document.Assets);
    }

    [Fact]
    public void Kind_names_are_read_in_any_letter_case() =>
        Assert.Equal("airquality", Assert.Single(ParseRows("air-1,AirQuality,centrum,52.37,4.89,dev-1,,,pm25").Assets).Kind);

    [Fact]
    public void A_value_in_another_kind_s_column_is_refused_naming_the_column()
    {
        var document = ParseRows("light-0001,streetlight,centrum,52.37,4.89,dev-1,240,60,");
        var problem = Assert.Single(document.Problems);
        Assert.Equal("binCapacity", problem.Field);
        Assert.Contains("ratedPowerWatts", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_makes_the_file_unreadable_and_says_which()
    {
        var document = Parse("assetId,kind,districtId,latitude,deviceId\nbin-1,bin,centrum,52.37,dev-1");
        var problem = Assert.Single(document.Problems);
        Assert.Equal(new RowProblem(null, null, "longitude", "the header lacks this required column"), problem);
        Assert.Empty(document.Assets);
    }

    [Fact]
    public void A_file_without_a_header_is_one_problem()
    {
        var document = Parse("bin-1,bin,centrum,52.37,4.89,dev-1\nbin-2,bin,centrum,52.37,4.89,dev-2\n");
        var problem = Assert.Single(document.Problems);
        Assert.Null(problem.Row);
        Assert.Contains("not a header", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, document.RowsRead);
    }

    [Fact]
    public void An_empty_file_is_one_problem() =>
        Assert.Contains("empty", Assert.Single(Parse("\n\n").Problems).Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_column_is_reported_on_the_header_and_ignored()
    {
        var document = Parse("\uFEFFAssetId,kind,districtId,latitude,longitude,deviceId,colour,\nlight-1,streetlight,centrum,52.37,4.89,dev-1,red,");
        Assert.Equal([(1, "colour"), (1, "column 8")], document.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Equal("light-1", Assert.Single(document.Assets).AssetId);
    }

    [Fact]
    public void A_column_named_twice_makes_the_file_unreadable() =>
        Assert.Equal("kind", Assert.Single(Parse("assetId,kind,districtId,latitude,longitude,deviceId,kind\n").Problems).Field);

    [Fact]
    public void Broken_rows_are_reported_and_the_rest_read()
    {
        var document = ParseRows(
            "bin-0001,bin,centrum,52.37,4.89,dev-1,240",
            "",
            "bin-0002,bin,centrum,52.37,4.89,dev-2,240,,,extra",
            "bin-0003,bin,centrum,52.37,4.89,dev-3,\"240\"x,,",
            "bin-0004,bin,centrum,52.37,4.89,dev-4,240,,",
            "bin-0005,bin,centrum,52.37,4.89,dev-5,\"240,,");

        Assert.Equal(
            [(2, "row"), (4, "row"), (5, "row"), (7, "row")],
            document.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Contains("7 cells where the header has 9", document.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("after its closing quote", document.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("not closed", document.Problems[3].Message, StringComparison.Ordinal);
        Assert.Equal("bin-0004", Assert.Single(document.Assets).AssetId);
        Assert.Equal(5, document.RowsRead);
    }

    [Fact]
    public void An_asset_id_appears_once_per_file()
    {
        var document = ParseRows("bin-1,bin,centrum,52.37,4.89,dev-1,240,,", "bin-1,bin,noord,52.39,4.92,dev-2,120,,");
        var problem = Assert.Single(document.Problems);
        Assert.Equal((3, "assetId"), (problem.Row!.Value, problem.Field));
        Assert.Contains("row 2", problem.Message, StringComparison.Ordinal);
        Assert.Equal("centrum", Assert.Single(document.Assets).DistrictId);
    }
}
