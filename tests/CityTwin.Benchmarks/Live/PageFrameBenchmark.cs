using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Benchmarks.Framework;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityTwin.Benchmarks.Live;

/// <summary>
/// page.frame_ms.p95: the live operations page in headless Debian Chromium (Playwright, no browser download)
/// showing a district of 1,000 assets (700 bins, 300 lights) while 200 bin readings a second each move a bin's
/// fill band, so each is a twin event on the page's stream. The page records the gap between consecutive
/// requestAnimationFrame callbacks; the figure is their 95th percentile over the window.
/// </summary>
public sealed class PageFrameBenchmark : IBenchmark
{
    private const string District = "live-bench";
    private const string Key = "benchmark-operator-key";
    private const int Bins = 700, Lights = 300, UpdatesPerSecond = 200;

    public string Name => "Live/PageFrameBenchmark";

    public IReadOnlyList<string> FigureNames => ["page.frame_ms.p95"];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellation = context.CancellationToken;
        var window = context.Window(TimeSpan.FromSeconds(20));
        using var directory = new TempDirectory("citytwin-page-bench");
        var secret = RandomNumberGenerator.GetBytes(32);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] arguments =
        [
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--Http:Url={url}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            $"--Mqtt:Port={FreePort.Next()}",
            $"--Api:KeyHashSecret={Convert.ToBase64String(secret)}",
            "--Api:Keys:bench:Role=operator",
            $"--Api:Keys:bench:Hash={new ApiKeyHasher(secret).Hash(Key)}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var app = await CityTwinHost.CreateAsync(arguments, cancellationToken: cancellation);
        await app.StartAsync(cancellation);
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await SeedAsync(grains, cancellation);
            context.Progress($"{Bins + Lights} assets provisioned");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
            await page.GotoAsync(url + "/?district=" + District);
            await page.FillAsync("#api-key", Key);
            await page.ClickAsync("#sign-in button[type=submit]");
            await page.WaitForSelectorAsync("#stream-state[data-state=open]", new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync($"document.querySelectorAll('#assets [data-asset-id]').length === {Bins + Lights}");
            context.Progress("page drawn and live; warming up");

            var sequence = 0L;
            var sent = await DriveAsync(grains, TimeSpan.FromSeconds(3), () => ++sequence, cancellation);
            await page.EvaluateAsync("window.liveStats.reset()");
            var stopwatch = Stopwatch.StartNew();
            sent = await DriveAsync(grains, window, () => ++sequence, cancellation);
            var elapsed = stopwatch.Elapsed;
            var stats = await page.EvaluateAsync<JsonElement>("({ frames: window.liveStats.frames, events: window.liveStats.events })");
            var frames = stats.GetProperty("frames").EnumerateArray().Select(f => f.GetDouble()).Order().ToArray();
            if (frames.Length == 0)
                throw new InvalidOperationException("the page recorded no animation frames");
            var p95 = frames[(int)Math.Ceiling(0.95 * frames.Length) - 1];
            var p50 = frames[(int)Math.Ceiling(0.5 * frames.Length) - 1];
            var events = stats.GetProperty("events").GetInt32();
            context.Progress(string.Create(CultureInfo.InvariantCulture, $"{frames.Length} frames, p50 {p50:0.#} ms, p95 {p95:0.#} ms, {events} events on the page"));
            return
            [
                new Figure("page.frame_ms.p95", Math.Round(p95, 1), "ms", context.RunId, Math.Round(elapsed.TotalSeconds, 1), string.Create(CultureInfo.InvariantCulture,
                    $"headless Debian Chromium (SVG page), {Bins + Lights} assets ({Bins} bins, {Lights} lights), {UpdatesPerSecond} bin readings/s offered ({sent} sent), each a fill-band change; {events} events (twin and alert) reached the page ({events / elapsed.TotalSeconds:0} /s); {frames.Length} frames, p50 {p50:0.#} ms; host, browser and load generator on one 2-core machine")),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task SeedAsync(IGrainFactory grains, CancellationToken cancellation)
    {
        var saved = await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(District, "Page benchmark", "Europe/Amsterdam", 52.37, 4.89));
        if (!saved.Accepted)
            throw new InvalidOperationException(string.Join("; ", saved.Errors));
        await Parallel.ForAsync(0, Bins + Lights, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellation }, async (i, _) =>
        {
            // A 40 × 25 grid of 30 m cells.
            var location = new GeoPoint(52.36 + i / 40 * 0.00027, 4.88 + i % 40 * 0.00044);
            var result = i < Bins
                ? await grains.GetGrain<IBinGrain>(BinId(i)).Provision(new AssetProvision(BinId(i), AssetKind.Bin, District, location, $"dev-{BinId(i)}", new BinSpec(1100, 0.8, 120, 400)))
                : await grains.GetGrain<IStreetlightGrain>($"bl-{i}").Provision(new AssetProvision($"bl-{i}", AssetKind.Streetlight, District, location, $"dev-bl-{i}", new StreetlightSpec(60, 1)));
            if (!result.Accepted)
                throw new InvalidOperationException(string.Join("; ", result.Errors));
        });
    }

    private static string BinId(int i) => $"bb-{i}";

    /// <summary>Offers <see cref="UpdatesPerSecond"/> readings a second in 20 ticks; each moves one bin to another quarter.</summary>
    private static async Task<int> DriveAsync(IGrainFactory grains, TimeSpan duration, Func<long> next, CancellationToken cancellation)
    {
        const int ticksPerSecond = 20;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / ticksPerSecond));
        var stopwatch = Stopwatch.StartNew();
        var sent = 0;
        while (stopwatch.Elapsed < duration && await timer.WaitForNextTickAsync(cancellation))
        {
            var due = (int)(stopwatch.Elapsed.TotalSeconds * UpdatesPerSecond) - sent;
            var readings = new List<Task>(due);
            for (var r = 0; r < due; r++)
            {
                var n = next();
                var bin = (int)(n % Bins);
                var quarter = (n / Bins) % 4;
                readings.Add(grains.GetGrain<IBinGrain>(BinId(bin)).Report(
                    new DeviceStamp(DateTimeOffset.UtcNow, 1, n), new BinTelemetry(FillingLevel: 0.1 + 0.25 * quarter)));
            }
            await Task.WhenAll(readings);
            sent += due;
        }
        return sent;
    }
}
