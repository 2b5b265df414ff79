using System.Security.Cryptography;
using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>
/// One real Mosquitto from deploy/mosquitto for the External-mode tests, administered through
/// <see cref="DynamicSecurityClient"/> as the host would, with the host's own account provisioned.
/// The tests share one collection so they run one after another: the host's shared subscription
/// would split messages between two tests' subscribers.
/// </summary>
public sealed class ExternalBroker : IAsyncLifetime
{
    public const string HostUsername = "citytwin-host";

    public MosquittoBroker Broker { get; private set; } = null!;

    public DynamicSecurityClient Admin { get; private set; } = null!;

    public string HostPassword { get; } = NewSecret();

    public BrokerConnection AdminConnection => new(Broker.Host, Broker.Port, MosquittoBroker.AdminUsername, Broker.AdminPassword);

    public BrokerConnection HostConnection => new(Broker.Host, Broker.Port, HostUsername, HostPassword);

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        Admin = await DynamicSecurityClient.ConnectAsync(AdminConnection);
        await Admin.EnsureRoleAsync(DeviceAclTemplate.Host());
        await Admin.CreateClientAsync(HostUsername, HostPassword, [DeviceAclTemplate.HostRoleName], bindClientIdToUsername: false);
    }

    public async Task DisposeAsync()
    {
        await Admin.DisposeAsync();
        await Broker.DisposeAsync();
    }

    /// <summary>A device with credentials of its own, provisioned in Mosquitto for one asset.</summary>
    public async Task<Device> ProvisionDeviceAsync(AssetKind kind = AssetKind.Bin, string? districtId = null)
    {
        var device = new Device(UniqueId("dev"), NewSecret(), districtId ?? UniqueId("district"), kind, UniqueId(kind.Segment()));
        await Admin.ProvisionAsync(DeviceAclTemplate.Device(device.DeviceId, device.DistrictId, kind, device.AssetId), device.DeviceId, device.Password);
        return device;
    }

    /// <summary>mosquitto_pub/sub options for a device: its own credentials and client id.</summary>
    public MosquittoClientOptions As(Device device, MqttVersion version, int qos = 1) =>
        Broker.Plain with { Username = device.DeviceId, Password = device.Password, ClientId = device.DeviceId, Version = version, Qos = qos };

    public MosquittoClientOptions AsHost(MqttVersion version = MqttVersion.V5) =>
        Broker.Plain with { Username = HostUsername, Password = HostPassword, ClientId = UniqueId("host"), Version = version, Qos = 1 };

    /// <summary>A mosquitto_sub holding the host's shared telemetry subscription.</summary>
    public Task<RunningSubscriber> StartHostSubscriberAsync() =>
        MosquittoClients.StartSubscriberAsync(AsHost(), DeviceAclTemplate.HostTelemetrySubscription());

    public static string UniqueId(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}

public sealed record Device(string DeviceId, string Password, string DistrictId, AssetKind Kind, string AssetId)
{
    public string Topic(string leaf) => $"city/{DistrictId}/{Kind.Segment()}/{AssetId}/{leaf}";
}

[CollectionDefinition(Name)]
public sealed class ExternalBrokerCollection : ICollectionFixture<ExternalBroker>
{
    public const string Name = "External Mosquitto";
}
