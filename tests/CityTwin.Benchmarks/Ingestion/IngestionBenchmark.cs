using System.Diagnostics;
using System.Globalization;
using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Twins;
using CityTwin.Contracts.Assets;
using MQTTnet.Protocol;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>
/// ingest.*: in one run, with the same 100 gateway connections and the same payloads, the broker alone
/// (MQTTnet on the guarded transport, a handler that drops every message) and the product's ingestion end
/// to end (publish to twin state updated, 10,000 twins of the city mix, SQLite with write-behind):
/// single readings and batches of 50, QoS 0 and 1, then publish-to-applied latency at 20,000 readings/s
/// offered. Throughput is counted where the readings land (the broker's handler, the twins), between
/// the end of a warm-up and the end of the window; every phase then drains, so nothing is left queued
/// and no reading may be lost or refused.
/// </summary>
public sealed class IngestionBenchmark(IReadOnlyDictionary<AssetKind, KindWorkload> workloads) : IBenchmark
{
    private const int Gateways = 100;
    private const int TwinsPerGateway = 100;
    private const int BatchSize = 50;
    private const int QoS1InFlight = 2;
    private const double LatencyRate = 20_000;
    /// <summary>Readings per connection that may be sent but not yet handled in a closed-loop phase.</summary>
    private const int BacklogPerConnection = 200;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    /// <summary>
    /// The warm-up of a phase that is the first to run its code path (the broker's receive loop, a single
    /// reading's way to its twin, a batch's): long enough for tiered compilation to settle. With 3 s, a profile of
    /// the single-reading window still found the broker's publish interceptor and the telemetry handler running
    /// their first, unoptimised or instrumented code (dynamic PGO): the JIT's background thread competes for the
    /// 2 cores the phase keeps busy. The HTTP benchmark found 20 s enough for its path.
    /// </summary>
    private static readonly TimeSpan FirstOfItsPathWarmUp = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ThroughputWindow = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LatencyWindow = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    public const string BrokerOnly = "ingest.broker_only.qos0";
    public const string SingleQos0 = "ingest.e2e.single.qos0";
    public const string SingleQos1 = "ingest.e2e.single.qos1";
    public const string BatchQos0 = "ingest.e2e.batch50.qos0";
    public const string BatchQos1 = "ingest.e2e.batch50.qos1";
    public const string RatioToBroker = "ingest.e2e.ratio_to_broker";
    public const string BatchRatio = "ingest.e2e.batch50_ratio_to_single";
    public const string LatencyP50 = "ingest.latency.p50_ms_at_20k";
    public const string LatencyP99 = "ingest.latency.p99_ms_at_20k";

    public string Name => "ingest";

    public IReadOnlyList<string> FigureNames =>
        [BrokerOnly, SingleQos0, SingleQos1, BatchQos0, BatchQos1, RatioToBroker, BatchRatio, LatencyP50, LatencyP99];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellationToken = context.CancellationToken;
        var total = Stopwatch.StartNew();
        var window = context.Window(ThroughputWindow);
        var latencyWindow = context.Window(LatencyWindow);

        // Far above what one gateway sends here, so the per-client limit is checked on every publish
        // but cuts no one off.
        await using var host = await IngestionBenchHost.StartAsync(gatewayMessagesPerSecond: 1_000_000, cancellationToken);
        context.Progress($"provisioning {Gateways} gateways of {TwinsPerGateway} twins of the city mix ({host.StorageDescription})");
        var gateways = await host.ProvisionAsync(workloads, Gateways, TwinsPerGateway, context.Progress, cancellationToken);
        context.Progress($"provisioned in {total.Elapsed.TotalSeconds:0} s");
        await using var fleet = new GatewayFleet(gateways);
        var single0 = new LoadShape(1, MqttQualityOfServiceLevel.AtMostOnce, 1);

        Rate broker;
        await using (var nullBroker = await NullBroker.StartAsync(host.MaxPacketBytes))
        {
            await fleet.ConnectAsync(nullBroker.Port, cancellationToken);
            broker = await MeasureClosedLoopAsync(context, "broker alone", fleet, single0, () => nullBroker.Received, window, FirstOfItsPathWarmUp);
            await fleet.DisconnectAsync();
        }

        await fleet.ConnectAsync(host.MqttPort, cancellationToken);
        Func<long> twins = () => host.Probe.Handled;
        var single = await MeasureClosedLoopAsync(context, "e2e single QoS 0", fleet, single0, twins, window, FirstOfItsPathWarmUp);
        var singleQos1 = await MeasureClosedLoopAsync(context, "e2e single QoS 1", fleet,
            new LoadShape(1, MqttQualityOfServiceLevel.AtLeastOnce, QoS1InFlight), twins, window);
        var batch = await MeasureClosedLoopAsync(context, "e2e batch50 QoS 0", fleet,
            new LoadShape(BatchSize, MqttQualityOfServiceLevel.AtMostOnce, 1), twins, window, FirstOfItsPathWarmUp);
        var batchQos1 = await MeasureClosedLoopAsync(context, "e2e batch50 QoS 1", fleet,
            new LoadShape(BatchSize, MqttQualityOfServiceLevel.AtLeastOnce, QoS1InFlight), twins, window);
        RequireAllApplied(host.Probe);

        var latency = await MeasureLatencyAsync(context, fleet, host, latencyWindow);
        RequireAllApplied(host.Probe);
        context.Progress($"ingestion benchmark done in {total.Elapsed.TotalSeconds:0} s");

        var setup = string.Create(CultureInfo.InvariantCulture,
            $"{Gateways} MQTT 5 connections (MQTTnet clients in this process), one per gateway of {TwinsPerGateway} twins");
        var twinsNote = string.Create(CultureInfo.InvariantCulture,
            $"{Gateways * TwinsPerGateway:N0} twins of the city mix, {host.StorageDescription}; embedded broker with device credentials, topic ACL, rate limit and packet guard, TelemetryHandler, twin grains; counted when the twin applied it; {GcMode.Describe()}");
        string Note(Rate r, string what) => $"{setup}; {what}; avg payload {r.AveragePayloadBytes:N0} bytes; {r.Cost}; {twinsNote}";
        return
        [
            Figure(BrokerOnly, broker.PerSecond, "messages/s", context, broker.Window,
                $"{setup}; single readings, QoS 0, avg payload {broker.AveragePayloadBytes:N0} bytes; {broker.Cost}; MQTTnet server on the guarded transport whose publish handler counts and drops; same run and connections as ingest.e2e.*; {GcMode.Describe()}"),
            Figure(SingleQos0, single.PerSecond, "readings/s", context, single.Window, Note(single, single0.Describe())),
            Figure(SingleQos1, singleQos1.PerSecond, "readings/s", context, singleQos1.Window, Note(singleQos1, singleQos1.Shape.Describe() + ", acknowledged once applied")),
            Figure(BatchQos0, batch.PerSecond, "readings/s", context, batch.Window, Note(batch, batch.Shape.Describe())),
            Figure(BatchQos1, batchQos1.PerSecond, "readings/s", context, batchQos1.Window, Note(batchQos1, batchQos1.Shape.Describe() + ", acknowledged once applied")),
            new Figure(RatioToBroker, Math.Round(single.PerSecond / broker.PerSecond, 3), "ratio", context.RunId, Math.Round(single.Window.TotalSeconds, 1),
                $"{SingleQos0} / {BrokerOnly} of this run: {single.PerSecond:N0} / {broker.PerSecond:N0}"),
            new Figure(BatchRatio, Math.Round(batch.PerSecond / single.PerSecond, 3), "ratio", context.RunId, Math.Round(batch.Window.TotalSeconds, 1),
                $"{BatchQos0} / {SingleQos0} of this run: {batch.PerSecond:N0} / {single.PerSecond:N0}"),
            new Figure(LatencyP50, latency.P50, "ms", context.RunId, Math.Round(latencyWindow.TotalSeconds, 1), latency.Note(setup, twinsNote)),
            new Figure(LatencyP99, latency.P99, "ms", context.RunId, Math.Round(latencyWindow.TotalSeconds, 1), latency.Note(setup, twinsNote)),
        ];
    }

    /// <param name="CpuPerReadingUs">This process's CPU time (publishers included) per reading handled: what a reading costs, whatever else the machine runs.</param>
    /// <param name="CoresUsed">CPU time of this process over the window's length: below the machine's cores when others took them.</param>
    private sealed record Rate(LoadShape Shape, double PerSecond, TimeSpan Window, double AveragePayloadBytes, double CpuPerReadingUs, double CoresUsed)
    {
        public string Cost => string.Create(CultureInfo.InvariantCulture,
            $"process CPU {CpuPerReadingUs:0.#} µs a reading with the publishers, {CoresUsed:0.##} of {Environment.ProcessorCount} cores busy in the window");
    }

    /// <param name="Applied">Readings scheduled within the window that were sent and applied.</param>
    /// <param name="NeverSent">Readings scheduled within the window that publishers running late never sent.</param>
    private sealed record Latency(double P50, double P99, double Max, long Applied, long NeverSent, TimeSpan Window, double AveragePayloadBytes)
    {
        public string Note(string setup, string twinsNote)
        {
            var kept = NeverSent == 0
                ? $"all {Applied:N0} readings scheduled in the window were applied"
                : $"the publishers fell behind the schedule (a broker that stops reading blocks them): of the readings scheduled in the window {Applied:N0} were applied and {NeverSent:N0} never sent, which count with their delay when the phase stopped, so the percentiles are lower bounds";
            return string.Create(CultureInfo.InvariantCulture,
                $"{setup}; single readings, QoS 0, open loop at {LatencyRate:N0} readings/s scheduled, avg payload {AveragePayloadBytes:N0} bytes; {kept}; "
                + $"latency = moment the twin's Report returned Applied (in-silo call filter) minus the reading's ts, which the publisher set to its scheduled send time, so publisher lag counts too; p50 {P50:0.##} ms, p99 {P99:0.##} ms, max {Max:0.#} ms; {twinsNote}");
        }
    }

    private static Figure Figure(string name, double perSecond, string unit, BenchmarkContext context, TimeSpan window, string note) =>
        new(name, Math.Round(perSecond), unit, context.RunId, Math.Round(window.TotalSeconds, 1), note);

    /// <summary>Publishers go as fast as the receiver takes; the rate is what it handled between warm-up and window end.</summary>
    private static async Task<Rate> MeasureClosedLoopAsync(
        BenchmarkContext context, string label, GatewayFleet fleet, LoadShape shape, Func<long> handled, TimeSpan window, TimeSpan? warmUp = null)
    {
        var warmUpTime = warmUp ?? WarmUp;
        context.Progress($"{label}: {shape.Describe()}, warm-up {warmUpTime.TotalSeconds:0} s, window {window.TotalSeconds:0.#} s");
        var baseline = handled();
        long HandledInRun() => handled() - baseline;
        using var stop = new CancellationTokenSource();
        var running = fleet.RunClosedLoopAsync(shape, HandledInRun, (long)fleet.Count * BacklogPerConnection, stop.Token);
        await WhileRunningAsync(running, warmUpTime, context.CancellationToken);
        var (fromCount, fromTime, fromCpu) = (HandledInRun(), Stopwatch.GetTimestamp(), ProcessCpu());
        var (fromMessages, fromBytes) = (fleet.PublishedMessages, fleet.PublishedBytes);
        await WhileRunningAsync(running, window, context.CancellationToken);
        var (toCount, elapsed, cpu) = (HandledInRun(), Stopwatch.GetElapsedTime(fromTime), ProcessCpu() - fromCpu);
        var averageBytes = (fleet.PublishedBytes - fromBytes) / (double)Math.Max(1, fleet.PublishedMessages - fromMessages);
        await stop.CancelAsync();
        await running;
        await DrainAsync(label, fleet, HandledInRun, context.CancellationToken);
        var rate = new Rate(shape, (toCount - fromCount) / elapsed.TotalSeconds, elapsed, averageBytes,
            cpu.TotalMicroseconds / Math.Max(1, toCount - fromCount), cpu / elapsed);
        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {rate.PerSecond:N0} readings/s over {elapsed.TotalSeconds:0.#} s; {rate.CpuPerReadingUs:0.#} µs CPU a reading, {rate.CoresUsed:0.##} cores busy"));
        return rate;
    }

    private static async Task<Latency> MeasureLatencyAsync(BenchmarkContext context, GatewayFleet fleet, IngestionBenchHost host, TimeSpan window)
    {
        var baseline = host.Probe.Handled;
        var start = DateTimeOffset.UtcNow.AddMilliseconds(500);
        var (from, until) = (WarmUp.TotalSeconds, (WarmUp + window).TotalSeconds);
        host.Probe.OpenLatencyWindow(start + WarmUp, start + WarmUp + window);
        using var stop = new CancellationTokenSource();
        var running = fleet.RunOpenLoopAsync(LatencyRate, start, stop.Token);
        await WhileRunningAsync(running, start + WarmUp + window - DateTimeOffset.UtcNow, context.CancellationToken);
        await stop.CancelAsync();
        var sent = await running;
        var stoppedAfter = (DateTimeOffset.UtcNow - start).TotalSeconds;
        await DrainAsync("latency at 20k/s", fleet, () => host.Probe.Handled - baseline, context.CancellationToken);

        // Readings of the window's schedule that a publisher fell too far behind to send count with the
        // delay they had when the phase stopped: a lower bound, but leaving them out would flatter.
        var neverSent = new List<double>();
        for (var i = 0; i < fleet.Count; i++)
        {
            for (var k = sent[i]; ; k++)
            {
                var due = fleet.ScheduledSeconds(i, k, LatencyRate);
                if (due >= until)
                    break;
                if (due >= from)
                    neverSent.Add((stoppedAfter - due) * 1000);
            }
        }
        var applied = host.Probe.SortedLatenciesMs();
        var all = applied.Concat(neverSent).ToArray();
        Array.Sort(all);
        if (all.Length == 0)
            throw new InvalidOperationException("the latency window scheduled no reading");
        var latency = new Latency(
            Math.Round(Percentile(all, 0.50), 2), Math.Round(Percentile(all, 0.99), 2), all[^1], applied.Length, neverSent.Count, window,
            fleet.PublishedBytes / (double)Math.Max(1, fleet.PublishedMessages));
        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"latency at {LatencyRate:N0}/s offered: p50 {latency.P50} ms, p99 {latency.P99} ms, max {latency.Max:0.#} ms; {applied.Length:N0} readings of the window applied, {neverSent.Count:N0} never sent"));
        return latency;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];

    /// <summary>Waits, but surfaces at once a publisher that failed.</summary>
    private static async Task WhileRunningAsync(Task running, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration <= TimeSpan.Zero)
            return;
        var finished = await Task.WhenAny(running, Task.Delay(duration, cancellationToken));
        if (finished == running)
        {
            await running;
            throw new InvalidOperationException("the publishers stopped before the window ended");
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Waits until everything published was handled: nothing lost, nothing left for the next phase.</summary>
    private static async Task DrainAsync(string label, GatewayFleet fleet, Func<long> handled, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.StartNew();
        while (handled() < fleet.Published)
        {
            if (giveUp.Elapsed > DrainLimit)
                throw new TimeoutException($"{label}: {fleet.Published - handled():N0} of {fleet.Published:N0} readings published were never handled (refused before the twins? see the warnings above)");
            await Task.Delay(20, cancellationToken);
        }
    }

    private static void RequireAllApplied(AppliedReadingProbe probe)
    {
        if (probe.NotApplied > 0)
            throw new InvalidOperationException($"{probe.NotApplied:N0} readings were not applied; first: {probe.FirstNotApplied}");
    }

}
