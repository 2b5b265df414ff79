using CityTwin.Grains;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using System.Net;
using Orleans.Configuration;

namespace CityTwin.Host.Hosting;

/// <summary>
/// How a CityTwin silo is put together from its settings. The host uses it, and so do the tests and
/// benchmarks, so that what they check is what runs.
/// </summary>
public static class SiloConfiguration
{
    /// <summary>
    /// Twins flushing at once on SQLite unless <c>Twins:MaxConcurrentWrites</c> says otherwise. SQLite takes
    /// one writer at a time and Microsoft.Data.Sqlite waits for its lock synchronously, so more flushes only
    /// hold threads asleep: with 32, single-reading ingestion ran at a third of the rate it reaches with 1
    /// (tests/CityTwin.Benchmarks, ingest.e2e.single.qos0).
    /// </summary>
    public const int SqliteConcurrentWrites = 1;

    /// <param name="propagateTraces">
    /// Carry trace context across grain calls; only worth it when traces are exported
    /// (<see cref="TelemetrySetup.ExportsTraces"/>). The filters it adds put every grain call, a reading's
    /// included, through Orleans' filter pipeline, which costs an invoker and a state machine per call.
    /// </param>
    public static ISiloBuilder UseCityTwin(this ISiloBuilder silo, CityTwinSettings settings, StorageEndpoint storage, bool propagateTraces)
    {
        var clustering = settings.Clustering;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = clustering.ServiceId;
            o.ClusterId = clustering.ClusterId;
        });

        switch (clustering.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(clustering.SiloPort, clustering.GatewayPort, null, clustering.ServiceId, clustering.ClusterId);
                break;
            case ClusteringProvider.PostgreSql:
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = StorageEndpoint.PostgreSqlInvariant;
                    o.ConnectionString = clustering.ConnectionString;
                });
                silo.ConfigureEndpoints(clustering.AdvertisedAddress, clustering.SiloPort, clustering.GatewayPort);
                break;
        }
        // Orleans gateways do not authenticate: the gateway stays where the silo listens (loopback by default)
        // unless told otherwise, and external clients may only query.
        if (clustering.GatewayListenAddress is { } gatewayAddress)
            silo.Configure<EndpointOptions>(o => o.GatewayListeningEndpoint = new IPEndPoint(gatewayAddress, clustering.GatewayPort));
        if (clustering.GatewayAccess == GatewayAccess.Query)
            silo.AddIncomingGrainCallFilter<ExternalClientCallFilter>();
        silo.AddCityTwinGrains();
        if (storage.Sqlite is not null)
        {
            silo.Services.AddOptions<TwinOptions>().Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration["Twins:MaxConcurrentWrites"] is null)
                    options.MaxConcurrentWrites = SqliteConcurrentWrites;
            });
        }
        if (propagateTraces)
            silo.AddActivityPropagation();
        return silo.AddCityTwinStorage(storage);
    }

    /// <summary>Grain state and reminders through ADO.NET on the configured database, plus readiness.</summary>
    public static ISiloBuilder AddCityTwinStorage(this ISiloBuilder silo, StorageEndpoint storage)
    {
        silo.AddAdoNetGrainStorage(StorageNames.Provider, o =>
        {
            o.Invariant = storage.Invariant;
            if (storage.Sqlite is not null) o.DataSource = storage.Sqlite.DataSource;
            else o.ConnectionString = storage.ConnectionString;
            o.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });

        // Reminders live beside grain state: in the SQLite file for the embedded default, in
        // PostgreSQL for a cluster, so a restarted silo finds every schedule again.
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = storage.Invariant;
            if (storage.Sqlite is not null) o.DataSource = storage.Sqlite.DataSource;
            else o.ConnectionString = storage.ConnectionString;
        });

        silo.Services.AddSingleton<SiloActivity>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloActivity>());
        return silo;
    }
}
