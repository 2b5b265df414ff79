namespace CityTwin.Savings.Simulation;

/// <summary>
/// A virtual clock with its agenda: events run in time order, events due at the same instant in the order they
/// were scheduled, so a run is a pure function of its inputs (no wall clock, no threads).
/// </summary>
public sealed class EventQueue(DateTimeOffset start)
{
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Order)> agenda = new();
    private long scheduled;

    public DateTimeOffset Now { get; private set; } = start;

    public void At(DateTimeOffset at, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (at < Now)
            throw new ArgumentOutOfRangeException(nameof(at), at, $"an event cannot be scheduled in the past (now {Now:O})");
        agenda.Enqueue(action, (at, scheduled++));
    }

    /// <summary>Runs every event due before <paramref name="end"/>, including those they schedule; the clock then stands at <paramref name="end"/>.</summary>
    public void RunUntil(DateTimeOffset end)
    {
        while (agenda.TryPeek(out _, out var due) && due.At < end)
        {
            var action = agenda.Dequeue();
            Now = due.At;
            action();
        }
        if (end > Now)
            Now = end;
    }
}
