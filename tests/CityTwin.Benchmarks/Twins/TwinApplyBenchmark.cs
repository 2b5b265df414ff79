using System.Diagnostics;
using System.Globalization;
using CityTwin.Benchmarks.Framework;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

/// <summary>
/// twins.apply.{kind}: readings applied per second by twins of one kind called in-process (no MQTT),
/// with the product's rules, reading order and write-behind to SQLite.
/// </summary>
public sealed class TwinApplyBenchmark(KindWorkload workload) : IBenchmark
{
    private const int Twins = 1_000;
    private const int Callers = 64;
    private static readonly TimeSpan StandardWindow = TimeSpan.FromSeconds(10);

    public string Name => FigureName;

    public IReadOnlyList<string> FigureNames => [FigureName];

    private string FigureName => $"twins.apply.{workload.Kind.ToString().ToLowerInvariant()}";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellationToken = context.CancellationToken;
        await using var host = await TwinBenchHost.StartAsync(cancellationToken);
        await ParallelLoop.ForAsync(Twins, Callers, async i => Require((await host.ProvisionAsync(workload, i)).Accepted, "provisioning"), cancellationToken);
        await ParallelLoop.ForAsync(Twins, Callers, async i => Require(await ReportAsync(host, i, 0), "warm-up reading"), cancellationToken);

        var window = context.Window(StandardWindow);
        context.Progress($"{Twins:N0} {workload.Kind} twins provisioned; {Callers} callers for {window.TotalSeconds:0.#} s");
        long applied = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            // Each caller owns every Callers-th twin, so no twin has two readings in flight.
            for (var round = 1; stopwatch.Elapsed < window; round++)
            {
                for (var i = caller; i < Twins && stopwatch.Elapsed < window; i += Callers)
                {
                    Require(await ReportAsync(host, i, round), "reading");
                    Interlocked.Increment(ref applied);
                }
            }
        }, cancellationToken)));
        var elapsed = stopwatch.Elapsed;

        var note = string.Create(CultureInfo.InvariantCulture,
            $"{Twins:N0} twins, {Callers} concurrent in-process callers, rules + reading order + write-behind to SQLite every 5 s");
        return [new Figure(FigureName, Math.Round(applied / elapsed.TotalSeconds), "readings/s", context.RunId, Math.Round(elapsed.TotalSeconds, 1), note)];
    }

    private async Task<bool> ReportAsync(TwinBenchHost host, int index, int round) =>
        (await workload.ReportAsync(host.Grains, workload.AssetId(index), host.Stamp(round), index, round)).Outcome == ReadingOutcome.Applied;

    private static void Require(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"a {what} was not accepted: the benchmark's workload is wrong");
    }
}
