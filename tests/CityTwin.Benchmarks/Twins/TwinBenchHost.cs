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

    /// <summary>
    /// Provisions twin <paramref name="index"/>. A call that times out (Orleans' 30 s response timeout; a million
    /// twins' provisioning on a machine shared with other work met one at twin 676,956) is made again: the same
    /// provision again is accepted without a change, so a retry cannot provision twice.
    /// </summary>
    public async Task<Contracts.Common.CommandResult> ProvisionAsync(KindWorkload workload, int index)
    {
        var twin = TwinGrains.Get(Grains, workload.Kind, workload.AssetId(index));
        var provision = new AssetProvision(
            workload.AssetId(index), workload.Kind, DistrictId,
            new GeoPoint(52.30 + index % 1000 * 0.0002, 4.80 + index / 1000 * 0.0002),
            $"dev-{workload.AssetId(index)}", workload.Spec(index));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await twin.Provision(provision);
            }
            catch (TimeoutException) when (attempt < ProvisionAttempts)
            {
            }
        }
    }

    private const int ProvisionAttempts = 3;

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
