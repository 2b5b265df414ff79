using System.Diagnostics;

namespace CityTwin.Benchmarks.Storage;

/// <summary>
/// A fixed number of callers, each calling its own share of the grains round-robin and awaiting every
/// call: caller c owns grains c, c + callers, c + 2 × callers, ..., so no grain ever has two calls in
/// flight and no write waits behind another of the same grain.
/// </summary>
public static class WriteThroughLoad
{
    public sealed record Outcome(long Writes, TimeSpan Elapsed)
    {
        public double WritesPerSecond => Writes / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Calls until the window has passed; calls in flight then still complete and count, and the elapsed
    /// time runs until the last of them has.
    /// </summary>
    public static async Task<Outcome> RunAsync(
        IReadOnlyList<IWriteThroughBenchGrain> grains, int callers, TimeSpan window, CancellationToken cancellationToken)
    {
        if (callers > grains.Count)
            throw new ArgumentOutOfRangeException(nameof(callers), callers, $"more callers than the {grains.Count} grains");
        var start = Stopwatch.GetTimestamp();
        var writes = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller =>
            CallAsync([.. grains.Where((_, index) => index % callers == caller)], start, window, cancellationToken)));
        return new Outcome(writes.Sum(), Stopwatch.GetElapsedTime(start));
    }

    private static async Task<long> CallAsync(
        IWriteThroughBenchGrain[] owned, long start, TimeSpan window, CancellationToken cancellationToken)
    {
        long writes = 0;
        while (Stopwatch.GetElapsedTime(start) < window)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await owned[writes % owned.Length].Write((int)writes);
            writes++;
        }
        return writes;
    }
}
