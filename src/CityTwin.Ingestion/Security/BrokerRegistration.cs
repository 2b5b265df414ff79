using CityTwin.Grains.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Ingestion.Security;

/// <summary>
/// Keeps this host's <see cref="DeviceDirectory"/> subscribed to device access changes, renewing the
/// subscription well inside its lifetime so a restarted registry grain hears of it again within a minute.
/// </summary>
public sealed class BrokerRegistration(IGrainFactory grains, DeviceDirectory directory, ILogger<BrokerRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IDeviceAccessObserver>(directory);
        var registry = grains.GetGrain<IBrokerRegistryGrain>(IBrokerRegistryGrain.Key);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await registry.Subscribe(reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Subscribing to device access changes failed; retrying");
                }
                await Task.Delay(Renewal, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            try
            {
                await registry.Unsubscribe(reference);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Unsubscribing from device access changes failed at shutdown");
            }
            grains.DeleteObjectReference<IDeviceAccessObserver>(reference);
        }
    }
}
