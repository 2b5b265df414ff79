using CityTwin.Contracts.Inventory;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>
/// <c>import --file PATH [--format csv|geojson]</c>: sends a city's inventory to the running host, as an
/// Orleans client of its gateway (found as the host finds its cluster: the same configuration), and prints
/// the report. Exit code 0 when every row was used, 3 when some were rejected, 2 when the file or the host
/// cannot be reached.
/// </summary>
public static class ImportCommand
{
    public const int RowsRejected = 3;

    /// <summary>A whole city takes minutes to provision; the default 30-second grain call timeout would cut it off.</summary>
    public static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(30);


    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var path = CommandOptions.Value(args, "--file")
            ?? throw new ConfigurationException("--file", "the inventory file to import is required, e.g. import --file city.geojson");
        var format = ReadFormat(CommandOptions.Value(args, "--format"), path);
        string content;
        try
        {
            content = await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("--file", $"cannot read '{Path.GetFullPath(path)}': {e.Message}");
        }

        var settings = SettingsReader.Read(HostConfiguration.Build(args), Environment.CurrentDirectory);
        var report = await ImportAsync(settings, format, content);
        Print(report, format, output);
        return report.Problems.Count == 0 ? 0 : RowsRejected;
    }

    /// <summary>The format named by --format, else the one the file's extension names.</summary>
    internal static ImportFormat ReadFormat(string? option, string path)
    {
        var name = option ?? Path.GetExtension(path).TrimStart('.');
        return name.ToLowerInvariant() switch
        {
            "csv" => ImportFormat.Csv,
            "geojson" or "json" => ImportFormat.GeoJson,
            _ when option is not null => throw new ConfigurationException("--format", $"'{option}' is not csv or geojson"),
            _ => throw new ConfigurationException("--format", $"cannot tell the format from '{Path.GetFileName(path)}': name it with --format csv or --format geojson"),
        };
    }

    /// <summary>Counts first, then one line per problem, e.g. "row 12 (bin-0042): binCapacity: -5 is not a positive number of litres".</summary>
    internal static void Print(ImportReport report, ImportFormat format, TextWriter output)
    {
        output.WriteLine($"Read {report.RowsRead} rows: {report.AssetsProvisioned} assets provisioned, {report.AssetsUnchanged} unchanged; " +
            $"{report.SegmentsStored} road segments stored, {report.SegmentsUnchanged} unchanged; {report.RowsRejected} rows rejected.");
        var rowNoun = format == ImportFormat.Csv ? "row" : "feature";
        foreach (var problem in report.Problems)
        {
            var where = problem.Row is { } row ? $"{rowNoun} {row}" : "file";
            var id = problem.Id is null ? "" : $" ({problem.Id})";
            var field = problem.Field == where ? "" : $"{problem.Field}: ";
            output.WriteLine($"{where}{id}: {field}{problem.Message}");
        }
    }

    private static Task<ImportReport> ImportAsync(CityTwinSettings settings, ImportFormat format, string content) =>
        HostClient.CallAsync(settings, ImportTimeout, client =>
            client.GetGrain<IInventoryImportGrain>(InventoryImport.Key).Import(format, content));
}
