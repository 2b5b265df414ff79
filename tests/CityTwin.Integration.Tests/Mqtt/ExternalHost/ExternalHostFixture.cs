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
    private readonly TestAssets provisioning;

    public ExternalHostFixture() => provisioning = new TestAssets(() => Grains);

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

    public Task<Device> NewBinAsync() => provisioning.NewBinAsync(District);

    public Task<Device> NewLightAsync() => provisioning.NewLightAsync(District);

    /// <summary>A gateway of the district speaking for <paramref name="binCount"/> new bins.</summary>
    public Task<(Device Gateway, IReadOnlyList<string> BinIds)> NewGatewayAsync(int binCount) => provisioning.NewGatewayAsync(binCount, District);

    public Task<string> IssueAsync(string deviceId) => provisioning.IssueAsync(deviceId);

    /// <summary>mosquitto_pub/sub options for a device or gateway: its own id as username and client id.</summary>
    public MosquittoClientOptions As(Device device, MqttVersion version = MqttVersion.V5, int qos = 1) =>
        Broker.Plain with { Username = device.DeviceId, Password = device.Secret, ClientId = device.DeviceId, Version = version, Qos = qos };
}

[CollectionDefinition(Name)]
public sealed class ExternalHostCollection : ICollectionFixture<ExternalHostFixture>
{
    public const string Name = "host on an external Mosquitto";
}
