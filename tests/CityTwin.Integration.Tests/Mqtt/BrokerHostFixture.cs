using System.Diagnostics;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Streetlights;
using CityTwin.Host.Hosting;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>
/// One host in this process with its embedded broker on free loopback ports (plain and TLS), tight limits
/// so tests can reach them, and districts centrum and noord. Devices are real clients in other processes
/// (mosquitto_pub) or MQTTnet clients; twins are read through the host's grain factory.
/// </summary>
public sealed class BrokerHostFixture : IAsyncLifetime
{
    public const int MaxPacketBytes = 4096;
    public const int MaxConnections = 12;
    public const int MessagesPerSecond = 50;
    public const int MessageBurst = 100;

    private readonly TempDirectory directory = new();
    private WebApplication? host;
    private readonly TestAssets provisioning;

    public BrokerHostFixture() => provisioning = new TestAssets(() => Grains);

    public HostPorts Ports { get; } = HostPorts.Free();

    public int TlsPort { get; } = FreePort.Next();

    public int MqttPort => Ports.Mqtt;

    public string CertificateFile => directory.Combine("broker.crt");

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The host's services, to look at the broker's own state (its connection count).</summary>
    public IServiceProvider Services => host!.Services;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        await CreateCertificateAsync();
        string[] arguments =
        [
            .. Ports.Arguments,
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--Mqtt:TlsPort={TlsPort}",
            $"--Mqtt:TlsCertificate={CertificateFile}",
            $"--Mqtt:TlsKey={directory.Combine("broker.key")}",
            $"--Mqtt:MaxPacketBytes={MaxPacketBytes}",
            $"--Mqtt:MaxConnections={MaxConnections}",
            $"--Mqtt:MessagesPerSecond={MessagesPerSecond}",
            $"--Mqtt:MessageBurst={MessageBurst}",
        ];
        host = await CityTwinHost.CreateAsync(arguments);
        await host.StartAsync();
        Http.BaseAddress = new Uri($"http://127.0.0.1:{Ports.Http}");
        var city = Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key);
        foreach (var (id, lat) in new[] { ("centrum", 52.37), ("noord", 52.40) })
        {
            var saved = await city.UpsertDistrict(new District(id, id, "Europe/Amsterdam", lat, 4.89));
            Assert.True(saved.Accepted);
        }
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        Http.Dispose();
        directory.Dispose();
    }

    /// <summary>A new bin in <paramref name="district"/> with its own device and credential.</summary>
    public Task<Device> NewBinAsync(string district = "centrum") => provisioning.NewBinAsync(district);

    public Task<Device> NewLightAsync(string district = "centrum") => provisioning.NewLightAsync(district);

    /// <summary>A gateway of <paramref name="district"/> speaking for <paramref name="binCount"/> new bins.</summary>
    public Task<(Device Gateway, IReadOnlyList<string> BinIds)> NewGatewayAsync(int binCount, string district = "centrum") =>
        provisioning.NewGatewayAsync(binCount, district);

    public Task<string> IssueAsync(string deviceId) => provisioning.IssueAsync(deviceId);

    public Task<double> MetricAsync(string name, string label) => MetricsScrape.SumAsync(Http, name, label);

    private async Task CreateCertificateAsync()
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[]
        {
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", directory.Combine("broker.key"), "-out", CertificateFile,
        })
            start.ArgumentList.Add(a);
        using var openssl = Process.Start(start)!;
        var error = await openssl.StandardError.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        Assert.True(openssl.ExitCode == 0, $"openssl failed: {error}");
    }
}

/// <summary>A provisioned device (or gateway: <see cref="Kind"/> null) and its secret.</summary>
public sealed record Device(string AssetId, AssetKind? Kind, string DistrictId, string DeviceId, string Secret)
{
    public string Topic(string channel = "telemetry") =>
        $"city/{DistrictId}/{(Kind is { } kind ? kind.Segment() : "gateway")}/{AssetId}/{channel}";
}

[CollectionDefinition(Name)]
public sealed class BrokerHostCollection : ICollectionFixture<BrokerHostFixture>
{
    public const string Name = "embedded broker host";
}
