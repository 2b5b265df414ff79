namespace CityTwin.Simulator.Mqtt;

/// <summary>
/// Publish-to-acknowledgement latencies in logarithmic buckets (2.3 % wide, 10 µs to 100 s), so
/// percentiles over millions of messages cost a fixed 700 counters. Thread-safe.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 0.01;
    private const double Ratio = 1.0233;
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(100_000 / Smallest) / Math.Log(Ratio)) + 1;
    private readonly long[] buckets = new long[BucketCount];
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Record(double milliseconds)
    {
        var index = milliseconds <= Smallest ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(milliseconds / Smallest) / Math.Log(Ratio)));
        Interlocked.Increment(ref buckets[index]);
        Interlocked.Increment(ref count);
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded ones lie (upper bucket edge); null when empty.</summary>
    public double? Percentile(double fraction)
    {
        var total = Count;
        if (total == 0)
            return null;
        var wanted = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= wanted)
                return Smallest * Math.Pow(Ratio, i);
        }
        return Smallest * Math.Pow(Ratio, BucketCount - 1);
    }

    /// <summary>Counts since <paramref name="earlier"/> (a copy taken then), for percentiles over an interval.</summary>
    public LatencyHistogram Since(LatencyHistogram earlier)
    {
        var delta = new LatencyHistogram();
        for (var i = 0; i < buckets.Length; i++)
            delta.buckets[i] = Interlocked.Read(ref buckets[i]) - Interlocked.Read(ref earlier.buckets[i]);
        delta.count = delta.buckets.Sum();
        return delta;
    }

    public LatencyHistogram Copy() => Since(new LatencyHistogram());
}
