namespace CityTwin.Simulator.Time;

/// <summary>A real timer whose due time and period are given in simulated time.</summary>
internal sealed class ScaledTimer(ITimer inner, double factor) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime), Scale(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;
}
