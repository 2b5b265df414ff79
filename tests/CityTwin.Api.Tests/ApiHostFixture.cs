using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CityTwin.Api.OpenData;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.Tests;

/// <summary>
/// One real host in this process on free loopback ports with a temp SQLite data directory, MQTT off,
/// one configured key per role, district centrum and a bin in it.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const string District = "centrum";
    public const string OtherDistrict = "noord";
    public const string BinId = "api-bin-1";
    public const string SegmentId = "centrum-a-b";

    /// <summary>Citizen reports one client may send a minute here (the matrix sends a few from 127.0.0.1).</summary>
    public const int ReportsPerWindow = 10;
    public static readonly GeoPoint Centre = new(52.37, 4.89);

    private readonly TempDirectory directory = new("citytwin-api");
    private readonly Dictionary<string, string> keysByRole = [];
    private WebApplication? host;

    public byte[] Secret { get; } = ApiKeyHasher.NewSecret();

    public ApiKeyHasher Hasher => new(Secret);

    public Uri BaseAddress { get; private set; } = null!;

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host!.Services;

    /// <summary>The configured key of a role (its holder is named after the role).</summary>
    public string KeyOf(string role) => keysByRole[role];

    public async Task InitializeAsync()
    {
        var httpPort = FreePort.Next();
        List<string> arguments =
        [
            $"--Http:Url=http://127.0.0.1:{httpPort}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            "--Mqtt:Mode=Off",
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--{ApiSettings.SecretSetting}={Convert.ToBase64String(Secret)}",
            $"--{OpenDataSettings.ReportsPerWindowSetting}={ReportsPerWindow}",
        ];
        foreach (var role in ApiRoles.All)
        {
            var key = ApiKeyHasher.NewKey();
            keysByRole[role] = key;
            arguments.Add($"--Api:Keys:{role}-key:Role={role}");
            arguments.Add($"--Api:Keys:{role}-key:Hash={Hasher.Hash(key)}");
        }
        host = await CityTwinHost.CreateAsync([.. arguments]);
        await host.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");

        foreach (var (id, latitude) in new[] { (District, 52.37), (OtherDistrict, 52.40) })
        {
            var saved = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
                .UpsertDistrict(new District(id, id, "Europe/Amsterdam", latitude, 4.89));
            Assert.True(saved.Accepted, string.Join("; ", saved.Errors));
        }
        var roads = await Grains.GetGrain<IRoadNetworkGrain>(District).UpsertSegments(
            [new RoadSegment(SegmentId, "centrum-a", "centrum-b", District, [Centre, new GeoPoint(52.371, 4.89)], 111, 30, 1)]);
        Assert.True(roads.Accepted, string.Join("; ", roads.Errors));
        await ProvisionAsync(BinId, AssetKind.Bin, new BinSpec(1100, 0.8, 120, 400));
    }

    /// <summary>A fresh id for this run (asset ids are lower-case slugs).</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public async Task<string> ProvisionAsync(string id, AssetKind kind, AssetSpec spec, string district = District, GeoPoint? at = null)
    {
        var provisioned = await TwinOf(kind, id).Provision(new AssetProvision(id, kind, district, at ?? Centre, DeviceIdOf(id), spec));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        return id;
    }

    /// <summary>The device id provisioning gives an asset here (open data must never show one).</summary>
    public static string DeviceIdOf(string assetId) => $"dev-{assetId}";

    /// <summary>A district of its own for a test, centred at <paramref name="centre"/>.</summary>
    public async Task<string> NewDistrictAsync(GeoPoint centre)
    {
        var id = NewId("district");
        var saved = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(id, id, "Europe/Amsterdam", centre.Latitude, centre.Longitude));
        Assert.True(saved.Accepted, string.Join("; ", saved.Errors));
        return id;
    }

    public Task<string> NewBinAsync() => ProvisionAsync(NewId("bin"), AssetKind.Bin, new BinSpec(1100, 0.8, 120, 400));

    public Task<string> NewLightAsync() => ProvisionAsync(NewId("light"), AssetKind.Streetlight, new StreetlightSpec(60, 1));

    public Task<string> NewTruckAsync() => ProvisionAsync(NewId("truck"), AssetKind.Truck, new TruckSpec(10_000, Centre));

    /// <summary>A bin reported over its threshold, and the alert its district raised for it.</summary>
    public async Task<long> NewAlertAsync()
    {
        var bin = await NewBinAsync();
        var reading = await Grains.GetGrain<IBinGrain>(bin).Report(new DeviceStamp(DateTimeOffset.UtcNow, 1, 1), new BinTelemetry(FillingLevel: 0.95));
        Assert.True(reading.Outcome == ReadingOutcome.Applied, string.Join("; ", reading.Errors));
        var district = Grains.GetGrain<IDistrictGrain>(District);
        AlertView? raised = null;
        await Eventually.HoldsAsync(
            async () => (raised = (await district.ListAlerts(false)).FirstOrDefault(a => a.AssetId == bin)) is not null,
            what: $"no alert was raised for {bin}");
        return raised!.Id;
    }

    private IAssetTwinGrain TwinOf(AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => Grains.GetGrain<IBinGrain>(id),
        AssetKind.Streetlight => Grains.GetGrain<IStreetlightGrain>(id),
        AssetKind.Truck => Grains.GetGrain<ITruckGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A client without credentials (and without cookies unless <paramref name="cookies"/>).</summary>
    public HttpClient Anonymous(bool cookies = false) =>
        new(new HttpClientHandler { UseCookies = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// A client without credentials whose connections come from <paramref name="source"/> (any 127.x.y.z is this
    /// machine), so a test gets a rate-limit partition of its own.
    /// </summary>
    public HttpClient AnonymousFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = BaseAddress };

    /// <summary>A loopback address other than 127.0.0.1, fresh for each call (with high probability).</summary>
    public static IPAddress NewLoopbackSource() =>
        new([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(1, 255)]);

    /// <summary>A client sending <paramref name="role"/>'s key in <c>X-Api-Key</c>.</summary>
    public HttpClient As(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ApiAuthSchemes.ApiKeyHeader, KeyOf(role));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API host";
}
