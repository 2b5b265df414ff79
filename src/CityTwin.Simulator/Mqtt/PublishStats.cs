namespace CityTwin.Simulator.Mqtt;

/// <summary>What the driver has done so far; read while it runs for live progress.</summary>
public sealed class PublishStats
{
    private long messages;
    private long readings;
    private long acknowledged;
    private long rejectedReadings;
    private long failures;
    private long connections;
    private long reconnects;

    public LatencyHistogram Latency { get; } = new();

    public long Messages => Interlocked.Read(ref messages);

    /// <summary>Readings sent (a gateway message carries many).</summary>
    public long Readings => Interlocked.Read(ref readings);

    /// <summary>Messages the broker acknowledged as accepted (QoS 1 only).</summary>
    public long Acknowledged => Interlocked.Read(ref acknowledged);

    /// <summary>Readings refused: by a PUBACK reason code, or named in a gateway's batch result.</summary>
    public long Rejected => Interlocked.Read(ref rejectedReadings);

    /// <summary>Publishes that failed outright (connection lost, timeout).</summary>
    public long Failures => Interlocked.Read(ref failures);

    public long Connections => Interlocked.Read(ref connections);

    public long Reconnects => Interlocked.Read(ref reconnects);

    public string? LastRejection { get; private set; }

    internal void Sent(int readingCount)
    {
        Interlocked.Increment(ref messages);
        Interlocked.Add(ref readings, readingCount);
    }

    internal void Acked(double milliseconds)
    {
        Interlocked.Increment(ref acknowledged);
        Latency.Record(milliseconds);
    }

    internal void RejectedReadings(int count, string? reason)
    {
        Interlocked.Add(ref rejectedReadings, count);
        if (reason is not null)
            LastRejection = reason;
    }

    internal void Failed() => Interlocked.Increment(ref failures);

    internal void Connected() => Interlocked.Increment(ref connections);

    internal void Disconnected() => Interlocked.Decrement(ref connections);

    internal void Reconnected() => Interlocked.Increment(ref reconnects);
}
