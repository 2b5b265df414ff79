using System.Globalization;
using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Hosting;
using CityTwin.Host.Configuration;
using CityTwin.Host.Hosting;

namespace CityTwin.Benchmarks.Storage;

/// <summary>
/// storage.write_through.sqlite and .postgresql: grain state writes through Orleans' ADO.NET provider,
/// one awaited WriteStateAsync per grain call, on a silo whose storage is set up by the product's own
/// <see cref="SiloConfiguration.AddCityTwinStorage"/>. One instance per database, so that one
/// database failing does not lose the other's figure.
/// </summary>
public sealed class StorageWriteThroughBenchmark(StorageProvider provider) : IBenchmark
{
    private const int GrainCount = 1_000;

    /// <summary>More calls in flight than PostgreSQL's pool has connections, so the database is never idle.</summary>
    private const int Callers = 64;

    private static readonly TimeSpan StandardWindow = TimeSpan.FromSeconds(20);

    public string Name => FigureName;

    public IReadOnlyList<string> FigureNames => [FigureName];

    private string FigureName => provider switch
    {
        StorageProvider.Sqlite => "storage.write_through.sqlite",
        StorageProvider.PostgreSql => "storage.write_through.postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellationToken = context.CancellationToken;
        context.Progress($"creating a {provider} database and applying the schema");
        await using var database = await BenchmarkDatabase.CreateAsync(provider, cancellationToken);
        var databaseDescription = await database.DescribeAsync(cancellationToken);
        await using var silo = await InProcessSilo.StartAsync(s => s.AddCityTwinStorage(database.Endpoint), cancellationToken);

        var grains = Enumerable.Range(0, GrainCount)
            .Select(key => silo.GrainFactory.GetGrain<IWriteThroughBenchGrain>(key))
            .ToArray();
        // Warm-up: every grain activated (reading its missing row) and its row inserted, so that the
        // window measures the steady state: updates of existing rows by active grains.
        await Task.WhenAll(grains.Select(grain => grain.Write(0)));

        var window = context.Window(StandardWindow);
        context.Progress($"{GrainCount:N0} grains active on {databaseDescription}; measuring for {window.TotalSeconds:0.#} s");
        var outcome = await WriteThroughLoad.RunAsync(grains, Callers, window, cancellationToken);

        var stateBytes = await MeanStoredStateBytesAsync(database, cancellationToken);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{GrainCount:N0} grains, {Callers} concurrent callers, {stateBytes}-byte JSON state, {databaseDescription}");
        return
        [
            new Figure(FigureName, Math.Round(outcome.WritesPerSecond), "writes/s", context.RunId,
                Math.Round(outcome.Elapsed.TotalSeconds, 1), note),
        ];
    }

    /// <summary>The mean size of the stored states, as the product's serializer wrote them.</summary>
    private static async Task<long> MeanStoredStateBytesAsync(BenchmarkDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.Endpoint.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(ROUND(AVG(LENGTH(PayloadBinary))) AS INTEGER) FROM OrleansStorage;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
