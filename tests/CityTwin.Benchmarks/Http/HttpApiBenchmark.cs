using System.Diagnostics;
using System.Globalization;
using CityTwin.Api.Security;
using CityTwin.Benchmarks.Framework;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Telemetry;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks.Http;

/// <summary>
/// HTTP latency of the operations API on the host built as the executable builds it (SQLite, MQTT off), with a
/// district of <see cref="Assets"/> bins: twin by id at a fixed offered rate, then the district summary.
/// Open loop: each request is due at its own time and its latency counts from then, so a slow answer that
/// holds back the next ones shows in the figure (no coordinated omission). Client and host share the machine.
/// </summary>
public sealed class HttpApiBenchmark : IBenchmark
{
    public const string TwinById = "http.twin_by_id.p99_ms";
    public const string DistrictSummary = "http.district_summary.p99_ms";
    public const string FilteredList = "http.filtered_list_10k.p99_ms";
    private const string District = "bench";
    private const int Assets = 10_000;
    private const int TwinRate = 5_000;
    private const int SummaryRate = 500;
    private const int ListRate = 200;
    /// <summary>A quarter of the district's bins match: the index narrows to the top fill band, live twins say the exact level.</summary>
    private const string ListQuery = $"/api/v1/assets?district={District}&kind=bin&fillAbove=0.75&pageSize=50";
    private static readonly TimeSpan StandardWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>A request not answered by then counts as an error with this latency (a lower bound), so an overloaded host shows in p99.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public string Name => "HTTP API latency (twin by id, district summary, filtered list)";

    public IReadOnlyList<string> FigureNames { get; } = [TwinById, DistrictSummary, FilteredList];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        using var directory = new TempDirectory("citytwin-http-bench");
        var secret = ApiKeyHasher.NewSecret();
        var hasher = new ApiKeyHasher(secret);
        var key = ApiKeyHasher.NewKey();
        var httpPort = FreePort.Next();
        string[] arguments =
        [
            $"--Http:Url=http://127.0.0.1:{httpPort}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            "--Mqtt:Mode=Off",
            $"--Storage:DataDirectory={directory.Combine("data")}",
            "--Logging:LogLevel:Default=Warning",
            $"--Api:KeyHashSecret={Convert.ToBase64String(secret)}",
            "--Api:Keys:bench:Role=analyst",
            $"--Api:Keys:bench:Hash={hasher.Hash(key)}",
        ];
        await using var app = await CityTwinHost.CreateAsync(arguments, cancellationToken: context.CancellationToken);
        await app.StartAsync(context.CancellationToken);
        try
        {
            var ids = await ProvisionAsync(app.Services.GetRequiredService<IGrainFactory>(), context);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"),
                Timeout = RequestTimeout,
            };
            client.DefaultRequestHeaders.Add(ApiAuthSchemes.ApiKeyHeader, key);
            var window = context.Window(StandardWindow);

            context.Progress($"twin by id at {TwinRate}/s for {window.TotalSeconds:0} s");
            var random = new Random(7);
            var twin = await OpenLoopAsync(client, TwinRate, window, () => $"/api/v1/assets/{ids[random.Next(ids.Count)]}", context.CancellationToken);
            context.Progress($"district summary at {SummaryRate}/s for {window.TotalSeconds:0} s");
            var summary = await OpenLoopAsync(client, SummaryRate, window, () => $"/api/v1/districts/{District}", context.CancellationToken);
            context.Progress($"filtered list ({ListQuery}) at {ListRate}/s for {window.TotalSeconds:0} s");
            var list = await OpenLoopAsync(client, ListRate, window, () => ListQuery, context.CancellationToken);

            return
            [
                Figure(context, TwinById, twin, TwinRate, window),
                Figure(context, DistrictSummary, summary, SummaryRate, window),
                Figure(context, FilteredList, list, ListRate, window),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static Figure Figure(BenchmarkContext context, string name, LoopResult result, int rate, TimeSpan window) => new(
        name, Math.Round(result.Percentile(0.99), 3), "ms", context.RunId, window.TotalSeconds,
        string.Create(CultureInfo.InvariantCulture,
            $"offered {rate} requests/s (answered in time {(result.Count - result.Errors) / window.TotalSeconds:0}/s), p50 {result.Percentile(0.5):0.###} ms, {result.Errors} errors or timeouts ({RequestTimeout.TotalSeconds:0} s, counted at their latency); {Assets:N0} bins in one district, SQLite, API key auth, client (open loop, one task per request) and host in one process on the same 2-core machine"));

    private static async Task<IReadOnlyList<string>> ProvisionAsync(IGrainFactory grains, BenchmarkContext context)
    {
        context.Progress($"provisioning {Assets:N0} bins");
        var city = grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key);
        var saved = await city.UpsertDistrict(new District(District, District, "Europe/Amsterdam", 52.37, 4.89));
        if (!saved.Accepted) throw new InvalidOperationException(string.Join("; ", saved.Errors));
        var ids = Enumerable.Range(0, Assets).Select(i => $"bench-bin-{i}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = context.CancellationToken }, async (id, _) =>
        {
            var point = new GeoPoint(52.36 + (id.GetHashCode() & 0xFF) / 10_000.0, 4.88 + ((id.GetHashCode() >> 8) & 0xFF) / 10_000.0);
            var result = await grains.GetGrain<IBinGrain>(id).Provision(new AssetProvision(id, AssetKind.Bin, District, point, $"dev-{id}", new BinSpec(1100, 0.8, 120, 400)));
            if (!result.Accepted) throw new InvalidOperationException($"{id}: {string.Join("; ", result.Errors)}");
        });
        context.Progress("one reading per bin, fill levels spread over 0..1");
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = context.CancellationToken }, async (i, _) =>
        {
            var outcome = await grains.GetGrain<IBinGrain>(ids[i]).Report(new DeviceStamp(now, 1, 1), new BinTelemetry(FillingLevel: i % 100 / 100.0));
            if (outcome.Outcome != ReadingOutcome.Applied) throw new InvalidOperationException($"{ids[i]}: reading {outcome.Outcome}: {string.Join("; ", outcome.Errors)}");
        });
        return ids;
    }

    /// <param name="Errors">Requests that failed or timed out (their latency is counted all the same).</param>
    private sealed record LoopResult(double[] LatenciesMs, int Errors)
    {
        public int Count => LatenciesMs.Length;

        public double Percentile(double p)
        {
            if (LatenciesMs.Length == 0) return double.NaN;
            var sorted = LatenciesMs.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for the warm-up and then the window; returns the window's latencies.</summary>
    private static async Task<LoopResult> OpenLoopAsync(HttpClient client, int rate, TimeSpan window, Func<string> path, CancellationToken cancellationToken)
    {
        var total = (int)((WarmUp + window).TotalSeconds * rate);
        var warmUpCount = (int)(WarmUp.TotalSeconds * rate);
        var latencies = new double[total];
        var failed = new bool[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / (double)rate;
        for (var i = 0; i < total; i++)
        {
            var due = (long)(i * ticksPerRequest);
            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 1000)
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency), cancellationToken);
            var index = i;
            var requestPath = path();
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(requestPath, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    failed[index] = !response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    failed[index] = true;
                }
                latencies[index] = (clock.ElapsedTicks - due) * 1000.0 / Stopwatch.Frequency;
            }, cancellationToken));
        }
        await Task.WhenAll(inFlight);
        var measured = Enumerable.Range(warmUpCount, total - warmUpCount).ToList();
        // Failed requests keep their latency (at least the timeout): dropping them would flatter an overloaded host.
        return new LoopResult([.. measured.Select(i => latencies[i])], measured.Count(i => failed[i]));
    }
}
