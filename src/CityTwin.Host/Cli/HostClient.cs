using CityTwin.Host.Configuration;
using CityTwin.Host.Devices;
using CityTwin.Host.Hosting;
using CityTwin.Host.Persistence;
using Orleans.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>
/// A subcommand's connection to the running host: an Orleans client of its gateway, found as the host
/// finds its cluster (the same configuration). One call, then the client is gone.
/// </summary>
public static class HostClient
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// As <see cref="CallAsync{T}(ClusteringSettings, TimeSpan, Func{IClusterClient, Task{T}}, string?)"/>, presenting the
    /// gateway admin token derived from the device credential key when this machine holds it (configured, or the key file exists).
    /// </summary>
    public static Task<T> CallAsync<T>(CityTwinSettings settings, TimeSpan responseTimeout, Func<IClusterClient, Task<T>> call)
    {
        var devices = settings.Devices;
        var adminToken = devices.CredentialKey is not null || File.Exists(devices.CredentialKeyFile)
            ? GatewayAdmin.Token(CredentialKeyLoader.Load(devices))
            : null;
        return CallAsync(settings.Clustering, responseTimeout, call, adminToken);
    }

    /// <param name="adminToken">Sent with every call, so the host's <see cref="ExternalClientCallFilter"/> lets more than queries through.</param>
    /// <exception cref="ConfigurationException">No host answers where the configuration says it is.</exception>
    public static async Task<T> CallAsync<T>(ClusteringSettings clustering, TimeSpan responseTimeout, Func<IClusterClient, Task<T>> call, string? adminToken = null)
    {
        // No defaults: no appsettings from the working directory and no console logging over the output.
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
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            if (adminToken is not null)
            {
                client.AddOutgoingGrainCallFilter(context =>
                {
                    RequestContext.Set(GatewayAdmin.ContextKey, adminToken);
                    return context.Invoke();
                });
            }
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
            return await call(host.Services.GetRequiredService<IClusterClient>());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
