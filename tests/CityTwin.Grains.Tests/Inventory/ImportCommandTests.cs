using CityTwin.Contracts.Inventory;
using CityTwin.Host.Cli;
using CityTwin.Host.Configuration;

namespace CityTwin.Grains.Tests.Inventory;

public sealed class ImportCommandTests
{
    [Theory]
    [InlineData(null, "city.csv", ImportFormat.Csv)]
    [InlineData(null, "city.GeoJSON", ImportFormat.GeoJson)]
    [InlineData(null, "city.json", ImportFormat.GeoJson)]
    [InlineData("csv", "export.txt", ImportFormat.Csv)]
    [InlineData("GeoJson", "city.csv", ImportFormat.GeoJson)]
    public void The_format_is_the_one_named_else_the_extension_s(string? option, string path, ImportFormat expected) =>
        Assert.Equal(expected, ImportCommand.ReadFormat(option, path));

    [Theory]
    [InlineData(null, "export.txt", "--format")]
    [InlineData("xlsx", "city.csv", "--format")]
    public void An_unknown_format_is_a_bad_invocation(string? option, string path, string setting) =>
        Assert.Equal(setting, Assert.Throws<ConfigurationException>(() => ImportCommand.ReadFormat(option, path)).Setting);

    [Fact]
    public void The_report_prints_its_counts_then_one_line_per_problem()
    {
        var report = new ImportReport(40, 30, 5, 3, 0, 0,
        [
            new ImportProblem(null, null, "file", "is not JSON"),
            new ImportProblem(12, "bin-0042", "binCapacity", "-5 is not a positive number of litres"),
            new ImportProblem(1, null, "colour", "is not a column we know, so it is ignored"),
        ]);
        var output = new StringWriter();

        ImportCommand.Print(report, ImportFormat.Csv, output);

        Assert.Equal(
            [
                "Read 40 rows: 30 assets provisioned, 5 unchanged; 0 road segments stored, 0 unchanged; 3 rows rejected.",
                "file: is not JSON",
                "row 12 (bin-0042): binCapacity: -5 is not a positive number of litres",
                "row 1: colour: is not a column we know, so it is ignored",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Geo_json_problems_name_the_feature()
    {
        var output = new StringWriter();
        ImportCommand.Print(new ImportReport(1, 0, 0, 1, 0, 0, [new ImportProblem(0, "seg-1", "lanes", "9 is outside 1..6")]), ImportFormat.GeoJson, output);
        Assert.EndsWith($"feature 0 (seg-1): lanes: 9 is outside 1..6{Environment.NewLine}", output.ToString(), StringComparison.Ordinal);
    }
}
