using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Streetlights;
using CityTwin.Host.Hosting;
using CityTwin.Ingestion.External;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Integration.Tests.Mqtt.External;
using CityTwin.Testing;
using CityTwin.Testing.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Integration.Tests.Mqtt.ExternalHost;

/// <summary>
/// A host in this process in External mode, a client of its own real Mosquitto (deploy/mosquitto): the
/// host keeps device accounts there and takes telemetry through its shared subscription. Devices are
/// Debian's mosquitto_pub and mosquitto_sub. The broker is this fixture's alone, since the host's shared
/// subscription would take messages meant for other tests' subscribers.
/// </summary>
public sealed class ExternalHostFixture : IAsyncLifetime
{
    public const string District = "centrum";
    private readonly TempDirectory directory = new();
    private WebApplication? host;
    private int assets;

    public MosquittoBroker Broker { get; private set; } = null!;

    public DynamicSecurityClient Admin { get; private set; } = null!;

    public HostPorts Ports { get; } = HostPorts.Free();

    public string HostPassword { get; } = ExternalBroker.NewSecret();

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    public HttpClient Http { get; } = new();

    public Task<double> MetricAsync(string name, string label) => MetricsScrape.SumAsync(Http, name, label);

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        Admin = await DynamicSecurityClient.ConnectAsync(new BrokerConnection(Broker.Host, Broker.Port, MosquittoBroker.AdminUsername, Broker.AdminPassword));
        host = await CityTwinHost.CreateAsync([.. Ports.Arguments, $"--Storage:DataDirectory={directory.Combine("data")}", .. ExternalArguments(Broker, HostPassword, ExternalBroker.UniqueId("silo"))]);
        await host.StartAsync();
        Http.BaseAddress = new Uri($"http://127.0.0.1:{Ports.Http}");
        var saved = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(new District(District, "Centrum", "Europe/Amsterdam", 52.37, 4.89));
        Assert.True(saved.Accepted);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        Http.Dispose();
        await Admin.DisposeAsync();
        await Broker.DisposeAsync();
        directory.Dispose();
    }

    /// <summary>The settings that make a host a client of <paramref name="broker"/>.</summary>
    public static IEnumerable<string> ExternalArguments(MosquittoBroker broker, string hostPassword, string clientId) =>
    [
        "--Mqtt:Mode=External",
        $"--Mqtt:External:Host={broker.Host}",
        $"--Mqtt:External:Port={broker.Port}",
        $"--Mqtt:External:AdminPassword={broker.AdminPassword}",
        $"--Mqtt:External:HostPassword={hostPassword}",
        $"--Mqtt:External:ClientId={clientId}",
    ];

    public async Task<Device> NewBinAsync()
    {
        var n = Interlocked.Increment(ref assets);
        var device = new Device($"bin-{n}", AssetKind.Bin, District, $"dev-bin-{n}", "");
        var provisioned = await Grains.GetGrain<IBinGrain>(device.AssetId).Provision(new AssetProvision(
            device.AssetId, AssetKind.Bin, District, new GeoPoint(52.37, 4.89), device.DeviceId, new BinSpec(1100, 0.8, 120, 400)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        return device with { Secret = await IssueAsync(device.DeviceId) };
    }

    public async Task<Device> NewLightAsync()
    {
        var n = Interlocked.Increment(ref assets);
        var device = new Device($"light-{n}", AssetKind.Streetlight, District, $"dev-light-{n}", "");
        var provisioned = await Grains.GetGrain<IStreetlightGrain>(device.AssetId).Provision(new AssetProvision(
            device.AssetId, AssetKind.Streetlight, District, new GeoPoint(52.37, 4.89), device.DeviceId, new StreetlightSpec(60, 1)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        return device with { Secret = await IssueAsync(device.DeviceId) };
    }

    /// <summary>A gateway of the district speaking for <paramref name="binCount"/> new bins.</summary>
    public async Task<(Device Gateway, IReadOnlyList<string> BinIds)> NewGatewayAsync(int binCount)
    {
        var n = Interlocked.Increment(ref assets);
        var gatewayId = $"gw-{n}";
        Assert.True((await Grains.GetGrain<IDeviceGrain>(gatewayId).DeclareGateway(District)).Accepted);
        var bins = new List<string>();
        for (var i = 0; i < binCount; i++)
        {
            var binId = $"gw-{n}-bin-{i}";
            var provisioned = await Grains.GetGrain<IBinGrain>(binId).Provision(new AssetProvision(
                binId, AssetKind.Bin, District, new GeoPoint(52.37, 4.89), gatewayId, new BinSpec(1100, 0.8, 120, 400)));
            Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
            bins.Add(binId);
        }
        return (new Device(gatewayId, null, District, gatewayId, await IssueAsync(gatewayId)), bins);
    }

    public async Task<string> IssueAsync(string deviceId)
    {
        var issued = await Grains.GetGrain<IDeviceGrain>(deviceId).IssueCredential();
        Assert.True(issued.Issued, string.Join("; ", issued.Errors));
        return issued.Credential!.Secret;
    }

    /// <summary>mosquitto_pub/sub options for a device or gateway: its own id as username and client id.</summary>
    public MosquittoClientOptions As(Device device, MqttVersion version = MqttVersion.V5, int qos = 1) =>
        Broker.Plain with { Username = device.DeviceId, Password = device.Secret, ClientId = device.DeviceId, Version = version, Qos = qos };
}

[CollectionDefinition(Name)]
public sealed class ExternalHostCollection : ICollectionFixture<ExternalHostFixture>
{
    public const string Name = "host on an external Mosquitto";
}
