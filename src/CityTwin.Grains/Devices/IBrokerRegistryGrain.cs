namespace CityTwin.Grains.Devices;

/// <summary>A broker front-end (embedded or external) that must hear at once when a device's access changes.</summary>
[Alias("citytwin.IDeviceAccessObserver")]
public interface IDeviceAccessObserver : IGrainObserver
{
    /// <summary>
    /// The device's access changed. <paramref name="credentialChanged"/>: its secret was rotated or revoked,
    /// so a live session must be disconnected; otherwise only its assets changed.
    /// </summary>
    [Alias("AccessChanged"), OneWay]
    Task AccessChanged(string deviceId, bool credentialChanged);
}

/// <summary>
/// The brokers of the cluster (key <see cref="Key"/>). Observers expire unless renewed, so a broker
/// re-subscribes well within <see cref="SubscriptionLifetime"/>.
/// </summary>
[Alias("citytwin.IBrokerRegistryGrain")]
public interface IBrokerRegistryGrain : IGrainWithStringKey
{
    public const string Key = "brokers";
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(5);

    [Alias("Subscribe")]
    Task Subscribe(IDeviceAccessObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IDeviceAccessObserver observer);

    [Alias("Publish")]
    Task Publish(string deviceId, bool credentialChanged);
}
