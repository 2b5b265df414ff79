using CityTwin.Contracts.Inventory;
using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using Orleans.Configuration;

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

    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var path = SchemaCommand.OptionValue(args, "--file")
            ?? throw new ConfigurationException("--file", "the inventory file to import is required, e.g. import --file city.geojson");
        var format = ReadFormat(SchemaCommand.OptionValue(args, "--format"), path);
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
        var report = await ImportAsync(settings.Clustering, format, content);
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

    private static async Task<ImportReport> ImportAsync(ClusteringSettings clustering, ImportFormat format, string content)
    {
        // No defaults: no appsettings from the working directory and no console logging over the report.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            if (clustering.Provider == ClusteringProvider.Localhost)
                client.UseLocalhostClustering(clustering.GatewayPort, clustering.ServiceId, clustering.ClusterId);
            else
            {
                client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (clustering.ServiceId, clustering.ClusterId));
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = StorageEndpoint.PostgreSqlInvariant;
                    o.ConnectionString = clustering.ConnectionString;
                });
            }
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ImportTimeout);
            // The client would retry for ever; a host that is still starting gets a few seconds.
            var giveUpAt = DateTime.UtcNow + ConnectPatience;
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                if (DateTime.UtcNow >= giveUpAt)
                    return false;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (setting, where) = clustering.Provider == ClusteringProvider.Localhost
                ? ("Clustering:GatewayPort", $"on gateway port {clustering.GatewayPort}")
                : ("Clustering:ConnectionString", "in the PostgreSQL cluster table");
            throw new ConfigurationException(setting, $"no CityTwin host answers {where}; is it running? ({e.GetBaseException().Message})", e);
        }
        try
        {
            return await host.Services.GetRequiredService<IClusterClient>()
                .GetGrain<IInventoryImportGrain>(InventoryImport.Key)
                .Import(format, content);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
