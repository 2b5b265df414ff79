using CityTwin.Grains.Persistence;
using CityTwin.Host.Hosting;
using CityTwin.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CityTwin.Integration.Tests.Storage;

/// <summary>One in-process silo whose grain storage is configured by the host's own code.</summary>
public sealed class StorageSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private StorageSilo(InProcessTestCluster cluster, StorageEndpoint endpoint)
    {
        this.cluster = cluster;
        Endpoint = endpoint;
    }

    public StorageEndpoint Endpoint { get; }

    public IClusterClient Client => cluster.Client;

    public IGrainStorage GrainStorage =>
        cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);

    public static async Task<StorageSilo> StartAsync(StorageEndpoint endpoint)
    {
        await endpoint.ApplySchemaAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddCityTwinStorage(endpoint));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new StorageSilo(cluster, endpoint);
    }

    /// <summary>Rows of OrleansStorage, read straight from the database.</summary>
    public async Task<long> CountRowsAsync(string stateName)
    {
        await using var connection = await Endpoint.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = '{stateName}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
