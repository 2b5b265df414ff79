namespace CityTwin.Benchmarks.Ingestion;

/// <summary>
/// Holds closed-loop publishers while too many readings are sent but not yet handled. One watcher polls the
/// backlog (every millisecond) for all of them: when each of a hundred publishers polled on its own, their
/// timers cost the process more CPU than a tenth of what the benchmark measured, and that CPU was charged
/// to the readings.
/// </summary>
public sealed class BacklogGate(Func<long> backlog, long maxBacklog)
{
    private readonly Lock sync = new();
    private TaskCompletionSource? room;

    /// <summary>Completes at once while the backlog is within bounds, else once it is back within them (or <paramref name="stop"/>).</summary>
    public Task WaitAsync(CancellationToken stop)
    {
        if (backlog() <= maxBacklog || stop.IsCancellationRequested)
            return Task.CompletedTask;
        TaskCompletionSource opening;
        lock (sync)
        {
            if (room is { } watched)
                return watched.Task;
            room = opening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        // Started outside the lock: the backlog may be back within bounds already, and the watcher then opens at once.
        _ = WatchAsync(opening, stop);
        return opening.Task;
    }

    private async Task WatchAsync(TaskCompletionSource opened, CancellationToken stop)
    {
        while (backlog() > maxBacklog && !stop.IsCancellationRequested)
            await Task.Delay(1, CancellationToken.None);
        lock (sync)
            room = null;
        opened.SetResult();
    }
}
