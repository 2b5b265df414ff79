using System.Globalization;
using CityTwin.Api.Security;
using CityTwin.Benchmarks.Framework;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains.Twins;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks.Http;

/// <summary>
/// HTTP latency of the operations API on the host built as the executable builds it (SQLite, MQTT off), with a
/// district of <see cref="Assets"/> bins: twin by id at a fixed offered rate, then the district summary and a
/// filtered list. The load generator is a child process (<see cref="HttpLoadClient"/>): open loop over a bounded
/// set of keep-alive connections, latency counted from each request's scheduled time (no coordinated omission).
/// Client and host share the machine; the host's CPU and allocations per request are measured over the window.
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
    private const int Connections = 32;
    /// <summary>A quarter of the district's bins match: the index narrows to the top fill band, live twins say the exact level.</summary>
    private const string ListQuery = $"/api/v1/assets?district={District}&kind=bin&fillAbove=0.75&pageSize=50";
    private static readonly TimeSpan StandardWindow = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Long enough for tiered compilation to settle at the offered rate: 5 s into twin by id on the shared machine the
    /// JIT still took a fifth of the host's CPU and much of the pipeline ran unoptimised or instrumented (dynamic PGO),
    /// at 283 µs of host CPU a request; after 20 s it was done. The later phases reuse most of that code.
    /// </summary>
    private static readonly TimeSpan FirstWarmUp = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(3);

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
            await WaitForWriteBehindAsync(app.Services.GetRequiredService<WriteBehindScheduler>(), context);
            var window = context.Window(StandardWindow);
            var plan = new HttpLoadPlan("127.0.0.1", httpPort, key, "", 0, WarmUp.TotalSeconds, window.TotalSeconds, Connections, RequestTimeout.TotalSeconds);

            // What the host spends with no request at all (timers, sweeps, metrics), so a low rate's CPU per request can be read.
            var idleStart = HostCost.Now();
            await Task.Delay(IdleWindow, context.CancellationToken);
            var idle = HostCost.Now().Since(idleStart);
            var idleCpuPerSecond = idle.CpuMs / IdleWindow.TotalSeconds;

            context.Progress($"twin by id at {TwinRate}/s for {window.TotalSeconds:0} s after {FirstWarmUp.TotalSeconds:0} s of warm-up");
            var twin = await HttpLoadProcess.RunAsync(plan with { Rate = TwinRate, WarmUpSeconds = FirstWarmUp.TotalSeconds }, [.. ids.Select(id => $"/api/v1/assets/{id}")], context.CancellationToken);
            context.Progress($"district summary at {SummaryRate}/s for {window.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up");
            var summary = await HttpLoadProcess.RunAsync(plan with { Rate = SummaryRate }, [$"/api/v1/districts/{District}"], context.CancellationToken);
            context.Progress($"filtered list ({ListQuery}) at {ListRate}/s for {window.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up");
            var list = await HttpLoadProcess.RunAsync(plan with { Rate = ListRate }, [ListQuery], context.CancellationToken);

            return
            [
                Figure(context, TwinById, twin, TwinRate, FirstWarmUp, idleCpuPerSecond),
                Figure(context, DistrictSummary, summary, SummaryRate, WarmUp, idleCpuPerSecond),
                Figure(context, FilteredList, list, ListRate, WarmUp, idleCpuPerSecond),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static Figure Figure(BenchmarkContext context, string name, (HttpLoadResult Load, HostCost Host) measured, int rate, TimeSpan warmUp, double idleCpuPerSecond)
    {
        var (load, host) = measured;
        var answered = load.Count - load.Errors;
        var hostCpuPerRequest = host.CpuMs * 1000 / load.Count;
        var idlePerRequest = idleCpuPerSecond * 1000 / rate;
        return new(
            name, Math.Round(load.P99Ms, 3), "ms", context.RunId, load.WindowSeconds,
            string.Create(CultureInfo.InvariantCulture,
                $"offered {rate} requests/s (answered in time {answered / load.WindowSeconds:0}/s), p50 {load.P50Ms:0.###} ms, p99.9 {load.P999Ms:0.###} ms, max {load.MaxMs:0.#} ms, " +
                $"{load.Errors} errors or timeouts ({RequestTimeout.TotalSeconds:0} s, counted at their latency); " +
                $"host {hostCpuPerRequest:0} µs CPU a request ({idlePerRequest:0} µs of it the host's idle background at this rate) and {host.AllocatedBytes / (double)load.Count / 1024:0.#} KiB allocated, GCs gen0/1/2 {host.Gen0}/{host.Gen1}/{host.Gen2}; " +
                $"load generator {load.ClientCpuMs * 1000 / load.Count:0} µs CPU per request, its schedule p99 {load.DispatchLagP99Ms:0.###} ms late; " +
                $"{Assets:N0} bins in one district, SQLite, API key auth, {GcMode.Describe()}, {warmUp.TotalSeconds:0} s warm-up at the same rate; load generator in its own process " +
                $"(open loop from a pacer thread, {Connections} keep-alive HTTP/1.1 connections, latency from each request's scheduled time), host and load generator on the same {Environment.ProcessorCount}-core machine; {MachineLoad(host.LoadAverage)}"));
    }

    /// <summary>The host and the load generator keep up to about two threads runnable between them; more is other work.</summary>
    private static string MachineLoad(double? loadAverage) => loadAverage switch
    {
        null => "machine load unknown",
        { } load when load > Environment.ProcessorCount + 0.5 => string.Create(CultureInfo.InvariantCulture,
            $"machine shared with other work (1-minute load average {load:0.#} as the window ended, this benchmark accounting for about 2), so the latencies are worse than on a quiet machine"),
        { } load => string.Create(CultureInfo.InvariantCulture, $"1-minute load average {load:0.#} as the window ended (this benchmark accounts for about 2)"),
    };

    /// <summary>Provisioning left every twin with an unsaved reading: let the write-behind round save them before measuring reads.</summary>
    private static async Task WaitForWriteBehindAsync(WriteBehindScheduler writeBehind, BenchmarkContext context)
    {
        context.Progress("waiting for the write-behind round to save the readings");
        while (writeBehind.Waiting > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(200), context.CancellationToken);
        // Waiting counts twins not yet taken by a round; the round taking them is still writing.
        await Task.Delay(TimeSpan.FromSeconds(5), context.CancellationToken);
    }

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
}
