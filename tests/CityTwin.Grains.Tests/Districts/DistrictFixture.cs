using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains.Districts.Alerts;
using CityTwin.Grains.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Grains.Tests.Districts;

/// <summary>
/// A cluster whose city clock moves only when a test says (a December evening in Amsterdam, dark), with alert
/// webhooks pointed at a real HTTP listener on loopback that keeps every POST it receives.
/// </summary>
public sealed class DistrictFixture : ClusterFixture
{
    /// <summary>19:00 in Amsterdam on 7 December: the sun set at about 16:29.</summary>
    public static readonly DateTimeOffset Evening = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private Task? serving;
    private long sequence;

    public FakeTimeProvider Time { get; } = new(Evening);

    public string WebhookUrl { get; } = $"http://127.0.0.1:{FreePort()}/alerts/";

    /// <summary>Every JSON body the webhook received, in order.</summary>
    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>The webhook answers 500 to this many requests before it accepts any (to see retries).</summary>
    public int FailNext;

    public override async Task InitializeAsync()
    {
        listener.Prefixes.Add(WebhookUrl);
        listener.Start();
        serving = Task.Run(ServeAsync);
        await base.InitializeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new CityClock(Time));
        services.Configure<AlertOptions>(o =>
        {
            o.Webhooks = [WebhookUrl];
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
            // Escalations run when a test ticks, not on the real clock behind its back.
            o.TickInterval = TimeSpan.FromHours(1);
        });
    }

    public DeviceStamp Stamp() => new(Time.GetUtcNow(), 1, Interlocked.Increment(ref sequence));

    /// <summary>
    /// A district of its own for a test: Amsterdam's zone and coordinates, a two-way street a–b and a street b–c
    /// (intersections <c>{district}-a</c> and so on, since asset ids are the city's).
    /// </summary>
    public async Task<string> NewDistrictAsync()
    {
        var id = $"d-{Guid.NewGuid():N}"[..14];
        await Client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(new District(id, id, "Europe/Amsterdam", 52.372, 4.893));
        GeoPoint a = new(52.370, 4.890), b = new(52.371, 4.892), c = new(52.372, 4.894);
        var result = await Client.GetGrain<IRoadNetworkGrain>(id).UpsertSegments(
        [
            new("ab", $"{id}-a", $"{id}-b", id, [a, b], 160, 30, 1),
            new("ba", $"{id}-b", $"{id}-a", id, [b, a], 160, 30, 1),
            new("bc", $"{id}-b", $"{id}-c", id, [b, c], 160, 30, 1),
        ]);
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return id;
    }

    public async Task<IStreetlightGrain> LightAsync(string district, string id, string segment)
    {
        var light = Client.GetGrain<IStreetlightGrain>(id);
        var result = await light.Provision(new AssetProvision(
            id, AssetKind.Streetlight, district, new GeoPoint(52.3705, 4.891), $"dev-{id}", new StreetlightSpec(100, 1), segment));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return light;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        if (serving is not null)
            await serving.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                if (Interlocked.Decrement(ref FailNext) >= 0)
                {
                    context.Response.StatusCode = 500;
                }
                else
                {
                    Received.Enqueue(JsonDocument.Parse(body).RootElement.Clone());
                    context.Response.StatusCode = 204;
                }
            }
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DistrictCollection : ICollectionFixture<DistrictFixture>
{
    public const string Name = "districts";
}
