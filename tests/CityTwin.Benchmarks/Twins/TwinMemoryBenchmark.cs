using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CityTwin.Benchmarks.Framework;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains.Twins;

namespace CityTwin.Benchmarks.Twins;

/// <summary>
/// twins.memory_per_twin.100k and .1m: working-set growth per activated twin, 100,000 (or 1,000,000) twins of the city mix,
/// each with its recent history filled, measured after a full compacting GC. The twins are provisioned
/// first and the silo restarted, so what is measured is a running city's steady state: twins and
/// districts active, nothing else left over from provisioning.
/// </summary>
public sealed class TwinMemoryBenchmark(int twins, string figureName, IReadOnlyDictionary<Contracts.Assets.AssetKind, KindWorkload> workloads) : IBenchmark
{
    /// <summary>Readings per twin: enough to fill every kind's recent history (48 samples, 24 hourly buckets).</summary>
    private const int HistoryRounds = 48;
    private const int Parallelism = 256;

    public string Name => figureName;

    /// <summary>
    /// A million twins took 48 and 62 minutes here (the second: provisioning 28, history's 48 million readings 22,
    /// settling 12): asked for by name only.
    /// </summary>
    public bool OnlyWhenAsked => twins >= 1_000_000;

    public IReadOnlyList<string> FigureNames => [figureName];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellationToken = context.CancellationToken;
        var stopwatch = Stopwatch.StartNew();
        await using var host = await TwinBenchHost.StartAsync(cancellationToken);
        context.Progress($"provisioning {twins:N0} twins of the city mix");
        await ParallelLoop.ForAsync(twins, Parallelism, async i =>
        {
            var result = await host.ProvisionAsync(Workload(i), i);
            if (!result.Accepted)
                throw new InvalidOperationException($"provisioning {Workload(i).AssetId(i)} failed: {string.Join("; ", result.Errors)}");
        }, cancellationToken);

        context.Progress("restarting the silo so only what a running city keeps is active");
        await host.RestartAsync(cancellationToken);
        var before = MeasureWorkingSet();

        context.Progress($"filling history: {HistoryRounds} readings per twin");
        for (var round = 0; round < HistoryRounds; round++)
        {
            if (round % 12 == 0)
                context.Progress($"round {round} of {HistoryRounds} ({stopwatch.Elapsed.TotalSeconds:0} s)");
            var stamp = host.Stamp(round);
            await ParallelLoop.ForAsync(twins, Parallelism, async i =>
            {
                var outcome = await Workload(i).ReportAsync(host.Grains, Workload(i).AssetId(i), stamp, i, round);
                if (outcome.Outcome != ReadingOutcome.Applied)
                    throw new InvalidOperationException($"reading {round} of {Workload(i).AssetId(i)} was {outcome.Outcome}: {string.Join("; ", outcome.Errors)}");
            }, cancellationToken);
        }

        context.Progress($"waiting for write-behind to settle ({stopwatch.Elapsed.TotalSeconds:0} s)");
        await WaitForWriteBehindAsync(host, cancellationToken);
        var after = await MeasureOnceSettledAsync(cancellationToken);
        var perTwin = (after.WorkingSet - before.WorkingSet) / (double)twins;
        var managedPerTwin = (after.ManagedHeap - before.ManagedHeap) / (double)twins;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{twins:N0} twins (60% streetlights, 30% bins, 5% air quality, 4% intersections, 1% trucks), {HistoryRounds} readings each; working set {before.WorkingSet / 1048576.0:0} MiB -> {after.WorkingSet / 1048576.0:0} MiB after aggressive compacting GCs (managed heap {managedPerTwin:0} bytes per twin); SQLite write-behind; {GcMode.Describe()}");
        return [new Figure(figureName, Math.Round(perTwin), "bytes", context.RunId, Math.Round(stopwatch.Elapsed.TotalSeconds, 1), note)];
    }

    private KindWorkload Workload(int index) => workloads[CityMix.KindOf(index)];

    /// <summary>
    /// A twin holds a timer only while it has unsaved changes. Right after every twin got a reading all of
    /// them do, which a running city (readings minutes apart, written within seconds) never sees: measure
    /// once a sample of twins has written its changes.
    /// </summary>
    private async Task WaitForWriteBehindAsync(TwinBenchHost host, CancellationToken cancellationToken)
    {
        var sample = Enumerable.Range(0, twins).Where(i => i % 97 == 0).ToArray();
        // Every twin wrote within seconds of its last reading; a million take minutes to write at a few thousand a second.
        var giveUpAt = DateTime.UtcNow.AddMinutes(Math.Max(5, twins / 50_000.0));
        while (DateTime.UtcNow < giveUpAt)
        {
            var statuses = await Task.WhenAll(sample.Select(i =>
                TwinGrains.Get(host.Grains, Workload(i).Kind, Workload(i).AssetId(i)).GetStatus()));
            if (statuses.All(s => !s.UnsavedChanges))
                return;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        throw new TimeoutException($"write-behind did not settle within {Math.Max(5, twins / 50_000.0):0} minutes");
    }

    /// <summary>
    /// What is still on its way (notifications queued for the districts, timers about to write) is not what a
    /// running city keeps: measure until two measurements 5 s apart differ by less than 1% of the managed heap
    /// (at most a minute), and keep the last.
    /// </summary>
    private static async Task<(long WorkingSet, long ManagedHeap)> MeasureOnceSettledAsync(CancellationToken cancellationToken)
    {
        var previous = MeasureWorkingSet();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            var current = MeasureWorkingSet();
            if (Math.Abs(current.ManagedHeap - previous.ManagedHeap) < previous.ManagedHeap / 100)
                return current;
            previous = current;
        }
        return previous;
    }

    /// <summary>
    /// After full, compacting, aggressive GCs: aggressive mode also gives freed memory back to the OS, so
    /// the working set after the provisioning phase is not inflated by memory that phase used.
    /// </summary>
    private static (long WorkingSet, long ManagedHeap) MeasureWorkingSet()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
