using CityTwin.Contracts.City;
using CityTwin.Host.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>An Orleans client of a running host, as an analyst's script would connect.</summary>
public sealed class CityClient : IAsyncDisposable
{
    private readonly IHost host;

    private CityClient(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public ICityDirectoryGrain Directory => Client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key);

    public static Task<CityClient> ConnectToGatewayAsync(int gatewayPort) =>
        StartAsync(client => client.UseLocalhostClustering(gatewayPort, "citytwin", "citytwin"));

    public static Task<CityClient> ConnectThroughPostgreSqlAsync(string connectionString) =>
        StartAsync(client => client
            .UseAdoNetClustering(o =>
            {
                o.Invariant = StorageEndpoint.PostgreSqlInvariant;
                o.ConnectionString = connectionString;
            })
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = "citytwin";
                o.ClusterId = "citytwin";
            }));

    private static async Task<CityClient> StartAsync(Action<IClientBuilder> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(configure);
        var host = builder.Build();
        await host.StartAsync();
        return new CityClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
