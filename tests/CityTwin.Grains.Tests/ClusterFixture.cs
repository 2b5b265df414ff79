using CityTwin.Contracts.City;
using CityTwin.Domain.Common;
using CityTwin.Grains;
using CityTwin.Grains.Coordination;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using CityTwin.Host.Configuration;
using CityTwin.Host.Hosting;
using CityTwin.Host.Persistence;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CityTwin.Grains.Tests;

/// <summary>
/// One in-process cluster per test collection, its grain storage configured by the host's own code on
/// a SQLite file of its own (the embedded default).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory directory = new("citytwin-grains");
    private InProcessTestCluster cluster = null!;

    public IClusterClient Client => cluster.Client;

    public IGrainStorage Storage =>
        cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);

    /// <summary>The silo's services (the command sink, options), for what a test reads past the grains.</summary>
    public IServiceProvider SiloServices => cluster.GetSiloServiceProvider();

    public virtual async Task InitializeAsync()
    {
        var endpoint = new StorageEndpoint(new StorageSettings(
            StorageProvider.Sqlite, directory.Path, null, SqliteSynchronous.Normal, ApplySchemaOnStart: true));
        await endpoint.ApplySchemaAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            ConfigureServices(silo.Services);
            // Reminders as production has them, only quicker: a restart test waits seconds, not minutes.
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<WakeUpOptions>(o => o.Period = WakeUpPeriod);
            silo.AddCityTwinStorage(endpoint);
            silo.AddCityTwinGrains(options =>
            {
                // Short enough that tests see write-behind and staleness happen, long enough to coalesce.
                options.WriteBehindInterval = WriteBehindInterval;
                options.StalenessSweepInterval = TimeSpan.FromMilliseconds(500);
                // No twin of these tests goes stale unless a fixture asks for it, so stale notifications
                // never land in the exact notification counts of other tests.
                foreach (var kind in options.Staleness.Keys.ToList())
                    options.Staleness[kind] = new StalenessPolicy(TimeSpan.FromDays(1), 0, TimeSpan.FromDays(1));
                Configure(options);
            });
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
        foreach (var district in Districts)
            await Client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(district);
    }

    public static readonly TimeSpan WriteBehindInterval = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan WakeUpPeriod = TimeSpan.FromSeconds(2);

    /// <summary>A fixture of another collection registers services here (a city clock of its own, alert webhooks), before the grains'.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A fixture of another collection changes the twins' options here.</summary>
    protected virtual void Configure(TwinOptions options)
    {
    }

    /// <summary>Stops the silo gracefully (twins flush on deactivation) and starts a new one on the same storage.</summary>
    public async Task RestartSiloAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.StartSilosAsync(1);
        await cluster.InitializeClientAsync();
    }

    /// <summary>
    /// Kills the silo (a crash: nothing deactivates, nothing written behind is flushed) and starts a new one on the
    /// same storage.
    /// </summary>
    public async Task CrashSiloAsync()
    {
        foreach (var silo in cluster.Silos.ToList())
            await cluster.KillSiloAsync(silo);
        await cluster.StartSilosAsync(1);
        await cluster.InitializeClientAsync();
    }

    /// <summary>Deactivates every idle grain, as the silo does to grains nobody called for a while.</summary>
    public async Task DeactivateIdleGrainsAsync() =>
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Districts every test may provision assets into.</summary>
    public static readonly District[] Districts =
    [
        new("centrum", "Centrum", "Europe/Amsterdam", 52.372, 4.893),
        new("noord", "Noord", "Europe/Amsterdam", 52.39, 4.92),
    ];

    /// <summary>What storage holds for a grain right now, read past the grain.</summary>
    public async Task<(T State, string? ETag)> ReadStoredAsync<T>(string stateName, GrainId grainId) where T : class, new()
    {
        var stored = new GrainState<T>();
        await Storage.ReadStateAsync(stateName, grainId, stored);
        return (stored.State ?? new T(), stored.ETag);
    }

    public virtual async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
