namespace CityTwin.Ingestion.External;

/// <summary>
/// Runs work for one topic in the order it arrived and work for different topics concurrently, so a
/// device's readings reach its twin in its sequence order (Mosquitto delivers a topic in order) while
/// other devices' readings proceed. How much runs at once is bounded by the caller.
/// </summary>
public sealed class TopicLanes
{
    private readonly Dictionary<string, Task> tails = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>Starts <paramref name="work"/> once the topic's earlier work has finished (whatever its outcome).</summary>
    public Task Run(string topic, Func<Task> work)
    {
        lock (gate)
        {
            tails.TryGetValue(topic, out var previous);
            var next = AfterAsync(previous, work);
            tails[topic] = next;
            _ = next.ContinueWith(_ => Forget(topic, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    private static async Task AfterAsync(Task? previous, Func<Task> work)
    {
        if (previous is not null)
        {
            try { await previous; }
            catch { } // the earlier work reports its own failure
        }
        await work();
    }

    private void Forget(string topic, Task finished)
    {
        lock (gate)
        {
            if (tails.TryGetValue(topic, out var tail) && tail == finished)
                tails.Remove(topic);
        }
    }
}
