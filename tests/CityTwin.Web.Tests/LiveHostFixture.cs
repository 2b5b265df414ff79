using System.Net.Http.Headers;
using System.Security.Cryptography;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Common;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests;

/// <summary>
/// One real host in this process on free loopback ports with a temp SQLite directory, an operator's and an
/// analyst's API key, and district <see cref="District"/>: a 3×2 grid of roads, six bins, four lights, two
/// intersections and a truck. Readings are reported to the twins through the host's own grains.
/// </summary>
public sealed class LiveHostFixture : IAsyncLifetime
{
    public const string District = "centrum";
    public const string OperatorKey = "operator-key-for-the-live-tests";
    public const string AnalystKey = "analyst-key-for-the-live-tests";
    public static readonly string[] Bins = ["bin-1", "bin-2", "bin-3", "bin-4", "bin-5", "bin-6"];
    public static readonly string[] Lights = ["light-1", "light-2", "light-3", "light-4"];
    /// <summary>Road nodes n10 and n20 (column, row) as intersections.</summary>
    public static readonly string[] Intersections = ["n10", "n20"];
    public const string Truck = "truck-1";
    /// <summary>A district with no assets: nothing happens in it.</summary>
    public const string QuietDistrict = "quiet";

    private const double Lat0 = 52.370, Lon0 = 4.890, Step = 0.002;
    private readonly TempDirectory directory = new();
    private WebApplication? host;
    private long sequence;

    public int HttpPort { get; } = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var hasher = new ApiKeyHasher(secret);
        string[] arguments =
        [
            $"--Http:Url={BaseAddress}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            $"--Mqtt:Port={FreePort.Next()}",
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--Api:KeyHashSecret={Convert.ToBase64String(secret)}",
            "--Api:Keys:ops:Role=operator",
            $"--Api:Keys:ops:Hash={hasher.Hash(OperatorKey)}",
            "--Api:Keys:analyst:Role=analyst",
            $"--Api:Keys:analyst:Hash={hasher.Hash(AnalystKey)}",
            "--Live:HeartbeatSeconds=1",
        ];
        host = await CityTwinHost.CreateAsync(arguments);
        await host.StartAsync();
        await SeedAsync();
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

    /// <summary>A client that sends <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey = OperatorKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Opens the district's event stream, resuming after <paramref name="lastEventId"/> when given.</summary>
    public async Task<SseReader> OpenEventsAsync(HttpClient client, string? lastEventId = null, string district = District)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/districts/{district}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response);
    }

    /// <summary>A bin reading through the bin's grain, as the MQTT ingestion would deliver it.</summary>
    public async Task ReportFillAsync(string binId, double fillingLevel)
    {
        var stamp = new DeviceStamp(DateTimeOffset.UtcNow, 1, Interlocked.Increment(ref sequence));
        var result = await Grains.GetGrain<IBinGrain>(binId).Report(stamp, new BinTelemetry(FillingLevel: fillingLevel));
        Assert.True(result.Outcome == ReadingOutcome.Applied, $"{binId}: {result.Outcome} {string.Join("; ", result.Errors)}");
    }

    /// <summary>A truck reading through the truck's grain: where it is and what it is doing.</summary>
    public async Task ReportTruckAsync(GeoPoint location, TruckServiceStatus status)
    {
        var stamp = new DeviceStamp(DateTimeOffset.UtcNow, 1, Interlocked.Increment(ref sequence));
        var result = await Grains.GetGrain<ITruckGrain>(Truck).Report(stamp, new TruckTelemetry(location, 20, 90, 1000, status));
        Assert.True(result.Outcome == ReadingOutcome.Applied, $"{Truck}: {result.Outcome} {string.Join("; ", result.Errors)}");
    }

    /// <summary>A bin provisioned after the page drew its map, inside the district's extent.</summary>
    public Task ProvisionLateBinAsync(string binId) =>
        ProvisionAsync(Grains.GetGrain<IBinGrain>(binId), binId, AssetKind.Bin, new GeoPoint(Lat0 + Step * 0.5, Lon0 + Step * 1.5), new BinSpec(1100, 0.8, 120, 400));

    public static GeoPoint At(int column, int row) => new(Lat0 + row * Step, Lon0 + column * Step);

    private async Task SeedAsync()
    {
        var saved = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(District, "Centrum", "Europe/Amsterdam", Lat0, Lon0));
        Assert.True(saved.Accepted, string.Join("; ", saved.Errors));
        var quiet = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(QuietDistrict, "Quiet", "Europe/Amsterdam", Lat0 + 0.1, Lon0));
        Assert.True(quiet.Accepted, string.Join("; ", quiet.Errors));
        // Roads along two rows and three columns of a grid, both ways.
        var segments = new List<RoadSegment>();
        void Road(string from, string to, GeoPoint a, GeoPoint b)
        {
            var length = GeoDistance.HaversineMetres(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
            segments.Add(new RoadSegment($"{from}-{to}", from, to, District, [a, b], length, 50, 1));
            segments.Add(new RoadSegment($"{to}-{from}", to, from, District, [b, a], length, 50, 1));
        }
        for (var column = 0; column < 3; column++)
            Road($"n{column}0", $"n{column}1", At(column, 0), At(column, 1));
        for (var row = 0; row < 2; row++)
            for (var column = 0; column < 2; column++)
                Road($"n{column}{row}", $"n{column + 1}{row}", At(column, row), At(column + 1, row));
        var roads = await Grains.GetGrain<IRoadNetworkGrain>(District).UpsertSegments(segments);
        Assert.True(roads.Accepted, string.Join("; ", roads.Errors));

        for (var i = 0; i < Bins.Length; i++)
            await ProvisionAsync(Grains.GetGrain<IBinGrain>(Bins[i]), Bins[i], AssetKind.Bin,
                new GeoPoint(Lat0 + (i % 2) * Step + 0.0003, Lon0 + (i / 2) * Step + 0.0006), new BinSpec(1100, 0.8, 120, 400));
        for (var i = 0; i < Lights.Length; i++)
            await ProvisionAsync(Grains.GetGrain<IStreetlightGrain>(Lights[i]), Lights[i], AssetKind.Streetlight,
                new GeoPoint(Lat0 + (i % 2) * Step, Lon0 + (i / 2) * Step + 0.001), new StreetlightSpec(60, 1));
        for (var i = 0; i < Intersections.Length; i++)
            await ProvisionAsync(Grains.GetGrain<IIntersectionGrain>(Intersections[i]), Intersections[i], AssetKind.Intersection,
                At(i + 1, 0), new IntersectionSpec(
                    [.. segments.Where(r => r.ToIntersectionId == Intersections[i]).Select(r => new ApproachSpec($"from-{r.Id}", r.Id, 50, 1, null, null))],
                    [.. segments.Where(r => r.FromIntersectionId == Intersections[i]).Select(r => new OutgoingSegmentSpec(r.Id, r.ToIntersectionId, r.LengthMetres, 50))]));
        await ProvisionAsync(Grains.GetGrain<ITruckGrain>(Truck), Truck, AssetKind.Truck, At(0, 0), new TruckSpec(8000, At(0, 0)));
        foreach (var bin in Bins)
            await ReportFillAsync(bin, 0.1);
    }

    private static async Task ProvisionAsync(IAssetTwinGrain twin, string id, AssetKind kind, GeoPoint location, AssetSpec spec)
    {
        var provisioned = await twin.Provision(new AssetProvision(id, kind, District, location, $"dev-{id}", spec));
        Assert.True(provisioned.Accepted, $"{id}: {string.Join("; ", provisioned.Errors)}");
    }
}

[CollectionDefinition(Name)]
public sealed class LiveHostCollection : ICollectionFixture<LiveHostFixture>
{
    public const string Name = "live host";
}
