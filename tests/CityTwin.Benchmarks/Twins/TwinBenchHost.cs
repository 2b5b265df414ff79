using CityTwin.Benchmarks.Hosting;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains;
using CityTwin.Grains.Time;
using CityTwin.Grains.Twins;
using CityTwin.Host.Configuration;
using CityTwin.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks.Twins;

/// <summary>
/// A silo with the product's storage (SQLite, write-behind at its default interval) and grains, one
/// district, and a city clock the benchmark steps. Restartable on the same database.
/// </summary>
public sealed class TwinBenchHost : IAsyncDisposable
{
    public const string DistrictId = "bench";

    private readonly BenchmarkDatabase database;
    private InProcessSilo silo;

    private readonly DateTimeOffset start;

    private TwinBenchHost(BenchmarkDatabase database, InProcessSilo silo, SteppedClock clock)
    {
        this.database = database;
        this.silo = silo;
        Clock = clock;
        start = clock.GetUtcNow();
    }

    public SteppedClock Clock { get; }

    public IGrainFactory Grains => silo.GrainFactory;

    public static async Task<TwinBenchHost> StartAsync(CancellationToken cancellationToken)
    {
        var database = await BenchmarkDatabase.CreateAsync(StorageProvider.Sqlite, cancellationToken);
        var clock = new SteppedClock(DateTimeOffset.UtcNow.AddYears(-1));
        var silo = await StartSiloAsync(database, clock, cancellationToken);
        await silo.GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(DistrictId, "Benchmark district", "Europe/Amsterdam", 52.37, 4.89));
        return new TwinBenchHost(database, silo, clock);
    }

    /// <summary>Stops the silo (twins flush as they deactivate) and starts a fresh one on the same database.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await silo.DisposeAsync();
        silo = await StartSiloAsync(database, Clock, cancellationToken);
    }

    public Task<Contracts.Common.CommandResult> ProvisionAsync(KindWorkload workload, int index) =>
        TwinGrains.Get(Grains, workload.Kind, workload.AssetId(index)).Provision(new AssetProvision(
            workload.AssetId(index), workload.Kind, DistrictId,
            new GeoPoint(52.30 + index % 1000 * 0.0002, 4.80 + index / 1000 * 0.0002),
            $"dev-{workload.AssetId(index)}", workload.Spec(index)));

    /// <summary>
    /// Round r of readings happens <see cref="RoundLength"/> × r after the start: the city clock is moved
    /// there first, so no reading is from the future and time-bucketed history fills as in a real day.
    /// </summary>
    public DeviceStamp Stamp(int round)
    {
        var at = start + RoundLength * round;
        Clock.AdvanceTo(at);
        return new DeviceStamp(at, 1, round + 1);
    }

    public static readonly TimeSpan RoundLength = TimeSpan.FromMinutes(30);

    public async ValueTask DisposeAsync()
    {
        await silo.DisposeAsync();
        await database.DisposeAsync();
    }

    private static Task<InProcessSilo> StartSiloAsync(BenchmarkDatabase database, SteppedClock clock, CancellationToken cancellationToken) =>
        InProcessSilo.StartAsync(s =>
        {
            s.Services.AddSingleton(new CityClock(clock));
            s.AddCityTwinStorage(database.Endpoint);
            s.AddCityTwinGrains();
        }, cancellationToken);
}
