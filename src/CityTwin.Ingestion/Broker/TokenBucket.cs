namespace CityTwin.Ingestion.Broker;

/// <summary>A per-client message budget: <c>rate</c> a second on average, bursts up to <c>burst</c>.</summary>
public sealed class TokenBucket(double rate, int burst, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = burst;
    private long last = time.GetTimestamp();

    public bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + (now - last) * rate / time.TimestampFrequency);
            last = now;
            if (tokens < 1)
                return false;
            tokens -= 1;
            return true;
        }
    }
}
