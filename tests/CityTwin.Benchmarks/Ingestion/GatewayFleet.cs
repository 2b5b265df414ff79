using System.Diagnostics;
using CityTwin.Benchmarks.Twins;
using MQTTnet.Protocol;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>What the publishers send in one phase.</summary>
/// <param name="ReadingsPerMessage">1 for single readings, else the gateway batch size.</param>
/// <param name="InFlightPerConnection">Publishes a connection has outstanding at once (QoS 1 waits for each acknowledgement).</param>
public sealed record LoadShape(int ReadingsPerMessage, MqttQualityOfServiceLevel Qos, int InFlightPerConnection)
{
    public string Describe() =>
        $"{(ReadingsPerMessage == 1 ? "single readings" : $"gateway batches of {ReadingsPerMessage}")}, QoS {(int)Qos}"
        + (Qos == MqttQualityOfServiceLevel.AtMostOnce ? "" : $", {InFlightPerConnection} publishes in flight per connection");
}

/// <summary>The load generator: one MQTT connection per gateway, driven closed-loop (as fast as taken) or open-loop (at a rate).</summary>
public sealed class GatewayFleet(IReadOnlyList<BenchGateway> gateways) : IAsyncDisposable
{
    private readonly GatewayConnection[] connections = [.. gateways.Select(g => new GatewayConnection(g))];
    private long published;
    private long publishedMessages;
    private long publishedBytes;

    public int Count => connections.Length;

    /// <summary>Readings sent since the last run started.</summary>
    public long Published => Interlocked.Read(ref published);

    /// <summary>Messages sent since the last run started.</summary>
    public long PublishedMessages => Interlocked.Read(ref publishedMessages);

    /// <summary>Payload bytes sent since the last run started.</summary>
    public long PublishedBytes => Interlocked.Read(ref publishedBytes);

    /// <summary>Connects every gateway to the broker on <paramref name="port"/> (after leaving any other).</summary>
    public Task ConnectAsync(int port, CancellationToken cancellationToken) =>
        ParallelLoop.ForAsync(connections.Length, 16, i => connections[i].ConnectAsync(port, cancellationToken), cancellationToken);

    public Task DisconnectAsync() => Task.WhenAll(connections.Select(c => c.DisconnectAsync()));

    /// <summary>
    /// Every connection publishes as fast as the broker takes it until <paramref name="stop"/>, keeping at
    /// most <paramref name="maxBacklog"/> readings sent but not yet handled, so that queues stay short and
    /// the rate measured is the receiver's, not the sockets' buffering.
    /// </summary>
    /// <param name="handled">Readings of this run the receiving side handled so far.</param>
    public async Task RunClosedLoopAsync(LoadShape shape, Func<long> handled, long maxBacklog, CancellationToken stop)
    {
        Restart();
        var room = new BacklogGate(() => Published - handled(), maxBacklog);
        var publishers = connections.SelectMany(c => Enumerable.Range(0, shape.InFlightPerConnection).Select(slot => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await room.WaitAsync(stop);
                if (stop.IsCancellationRequested)
                    break;
                var message = shape.ReadingsPerMessage == 1
                    ? c.NextSingle(slot, shape.InFlightPerConnection, shape.Qos, DateTimeOffset.UtcNow)
                    : c.NextBatch(slot, shape.InFlightPerConnection, shape.ReadingsPerMessage, shape.Qos, DateTimeOffset.UtcNow);
                CountSent(message, shape.ReadingsPerMessage);
                await c.PublishAsync(message);
            }
        }, CancellationToken.None)));
        await Task.WhenAll(publishers);
    }

    /// <summary>
    /// Single readings at QoS 0 at <paramref name="readingsPerSecond"/> in all, whatever the broker does
    /// (open loop): connection i sends its k-th reading at <paramref name="startUtc"/> + (i + k × connections)
    /// / rate, stamped with that scheduled time, so a publisher running late counts against the latency.
    /// </summary>
    /// <returns>Per connection, the number of its readings sent: the rest of its schedule never left.</returns>
    public async Task<long[]> RunOpenLoopAsync(double readingsPerSecond, DateTimeOffset startUtc, CancellationToken stop)
    {
        Restart();
        var sent = new long[connections.Length];
        var startTimestamp = Stopwatch.GetTimestamp() + (long)((startUtc - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
        var publishers = connections.Select((c, i) => Task.Run(async () =>
        {
            for (long k = 0; !stop.IsCancellationRequested; k++)
            {
                var dueSeconds = ScheduledSeconds(i, k, readingsPerSecond);
                var wait = startTimestamp + (long)(dueSeconds * Stopwatch.Frequency) - Stopwatch.GetTimestamp();
                if (wait > 0)
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), CancellationToken.None);
                if (stop.IsCancellationRequested)
                    break;
                var message = c.NextSingle(0, 1, MqttQualityOfServiceLevel.AtMostOnce, startUtc + TimeSpan.FromSeconds(dueSeconds));
                CountSent(message, 1);
                await c.PublishAsync(message);
                sent[i] = k + 1;
            }
        }, CancellationToken.None));
        await Task.WhenAll(publishers);
        return sent;
    }

    /// <summary>When, after the start, connection <paramref name="connection"/> is to send its reading number <paramref name="k"/>.</summary>
    public double ScheduledSeconds(int connection, long k, double readingsPerSecond) => (connection + k * connections.Length) / readingsPerSecond;

    private void Restart()
    {
        Interlocked.Exchange(ref published, 0);
        Interlocked.Exchange(ref publishedMessages, 0);
        Interlocked.Exchange(ref publishedBytes, 0);
    }

    private void CountSent(MQTTnet.MqttApplicationMessage message, int readings)
    {
        Interlocked.Add(ref published, readings);
        Interlocked.Increment(ref publishedMessages);
        Interlocked.Add(ref publishedBytes, message.Payload.Length);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }
}
