using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CityTwin.Ingestion.Broker;

/// <summary>
/// Logs refusals at most once per interval per reason, saying how many were suppressed, so a device
/// sending garbage in a loop cannot flood the log (the metrics count every one).
/// </summary>
public sealed class RateLimitedLog(ILogger logger, TimeProvider time, TimeSpan interval)
{
    private sealed class Slot
    {
        public long NextAt;
        public long Suppressed;
    }

    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);

    public void Refused(string reason, string clientId, string topic, string detail)
    {
        var slot = slots.GetOrAdd(reason, _ => new Slot());
        var now = time.GetTimestamp();
        var next = Interlocked.Read(ref slot.NextAt);
        if (now < next || Interlocked.CompareExchange(ref slot.NextAt, now + (long)(interval.TotalSeconds * time.TimestampFrequency), next) != next)
        {
            Interlocked.Increment(ref slot.Suppressed);
            return;
        }
        var suppressed = Interlocked.Exchange(ref slot.Suppressed, 0);
        logger.LogWarning("MQTT {Reason} refusal from {ClientId} on {Topic}: {Detail} ({Suppressed} more of this reason since the last log line)",
            reason, clientId, topic, detail, suppressed);
    }
}
