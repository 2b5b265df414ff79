using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>
/// Watches twins apply readings, inside the silo (an incoming grain call filter): counts every
/// <c>Report</c> a twin answered, and, while a latency window is open, how long after its device
/// timestamp each reading was applied. "Visible" is this moment: the twin's <c>Report</c> returned
/// Applied, so its state in memory already holds the reading and any later call reads it.
/// </summary>
public sealed class AppliedReadingProbe : IIncomingGrainCallFilter
{
    private const int LatencyCapacity = 4_000_000;

    private readonly long[] latencyTicks = new long[LatencyCapacity];
    private long handled;
    private long notApplied;
    private long latencyCount;
    private long windowFrom = long.MaxValue;
    private long windowUntil = long.MinValue;
    private string? firstNotApplied;

    /// <summary>Readings any twin answered, whatever the outcome.</summary>
    public long Handled => Interlocked.Read(ref handled);

    /// <summary>Readings a twin answered with anything but Applied (duplicate, late, rejected).</summary>
    public long NotApplied => Interlocked.Read(ref notApplied);

    /// <summary>The first reading that was not applied, with its outcome and errors.</summary>
    public string? FirstNotApplied => Volatile.Read(ref firstNotApplied);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Result is not ReadingResult result || context.Request.GetArgument(0) is not DeviceStamp stamp)
            return;
        var appliedAt = DateTimeOffset.UtcNow.UtcTicks;
        Interlocked.Increment(ref handled);
        if (result.Outcome != ReadingOutcome.Applied)
        {
            Interlocked.Increment(ref notApplied);
            Interlocked.CompareExchange(ref firstNotApplied,
                $"{context.TargetId}: seq {stamp.Sequence} was {result.Outcome} ({string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))})", null);
            return;
        }
        var deviceTime = stamp.DeviceTime.UtcTicks;
        if (deviceTime >= Volatile.Read(ref windowFrom) && deviceTime < Volatile.Read(ref windowUntil))
        {
            var slot = Interlocked.Increment(ref latencyCount) - 1;
            if (slot < LatencyCapacity)
                latencyTicks[slot] = appliedAt - deviceTime;
        }
    }

    /// <summary>Records publish-to-applied latency of readings stamped within [from, until); forgets earlier records.</summary>
    public void OpenLatencyWindow(DateTimeOffset from, DateTimeOffset until)
    {
        Interlocked.Exchange(ref latencyCount, 0);
        Volatile.Write(ref windowUntil, until.UtcTicks);
        Volatile.Write(ref windowFrom, from.UtcTicks);
    }

    /// <summary>The latencies recorded in the window, in milliseconds, sorted.</summary>
    public double[] SortedLatenciesMs()
    {
        var count = (int)Math.Min(Interlocked.Read(ref latencyCount), LatencyCapacity);
        var sorted = latencyTicks[..count].Select(t => t / (double)TimeSpan.TicksPerMillisecond).ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
