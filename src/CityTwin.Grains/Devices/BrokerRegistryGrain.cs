using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CityTwin.Grains.Devices;

/// <summary>Fans a device's access change out to every broker; in memory only (brokers re-subscribe).</summary>
public sealed class BrokerRegistryGrain : Grain, IBrokerRegistryGrain
{
    private readonly ObserverManager<IDeviceAccessObserver> brokers;

    public BrokerRegistryGrain(ILogger<BrokerRegistryGrain> logger)
    {
        brokers = new ObserverManager<IDeviceAccessObserver>(IBrokerRegistryGrain.SubscriptionLifetime, logger);
    }

    public Task Subscribe(IDeviceAccessObserver observer)
    {
        brokers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IDeviceAccessObserver observer)
    {
        brokers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(string deviceId, bool credentialChanged)
    {
        brokers.Notify(broker => broker.AccessChanged(deviceId, credentialChanged));
        return Task.CompletedTask;
    }
}
