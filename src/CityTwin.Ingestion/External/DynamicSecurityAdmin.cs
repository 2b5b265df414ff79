using Microsoft.Extensions.Options;
using CityTwin.Ingestion.Broker;

namespace CityTwin.Ingestion.External;

/// <summary>
/// This silo's one admin connection to Mosquitto's dynamic security, made on first use and shared
/// (requests may run concurrently; the client reconnects by itself after the broker went away).
/// </summary>
public sealed class DynamicSecurityAdmin(IOptions<BrokerOptions> options) : IAsyncDisposable
{
    private readonly ExternalBrokerOptions settings = options.Value.External;
    private readonly SemaphoreSlim gate = new(1, 1);
    private DynamicSecurityClient? client;

    public async Task<DynamicSecurityClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (client is { } connected)
            return connected;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return client ??= await DynamicSecurityClient.ConnectAsync(settings.AdminConnection, cancellationToken: cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
            await client.DisposeAsync();
        gate.Dispose();
    }
}
