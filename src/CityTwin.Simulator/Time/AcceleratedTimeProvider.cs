namespace CityTwin.Simulator.Time;

/// <summary>
/// A clock that starts at <see cref="Start"/> and runs <see cref="Factor"/> times faster than the real
/// one: the demo's host (through its CityClock) and its simulator read the same instance, so a simulated
/// hour passes in a real minute at factor 60 and every rule still agrees on what time it is. Timers are
/// scaled too: a one-hour timer fires after a real minute. Created stopped (<c>running: false</c>)
/// it stays at <see cref="Start"/> until <see cref="Run"/>: the demo's city waits while it is provisioned.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider real;
    private long startedAt;
    private volatile bool running;

    public AcceleratedTimeProvider(DateTimeOffset start, double factor, TimeProvider? real = null, bool running = true)
    {
        if (!(factor >= 1 && factor <= 10_000))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the time factor must be between 1 and 10,000");
        this.real = real ?? System;
        Start = start.ToUniversalTime();
        Factor = factor;
        startedAt = this.real.GetTimestamp();
        this.running = running;
    }

    public DateTimeOffset Start { get; }

    public double Factor { get; }

    public bool IsRunning => running;

    /// <summary>Lets a stopped clock run from <see cref="Start"/>, from now on; does nothing to a running one.</summary>
    public void Run()
    {
        if (running)
            return;
        startedAt = real.GetTimestamp();
        running = true;
    }

    public override DateTimeOffset GetUtcNow() => running ? Start + real.GetElapsedTime(startedAt) * Factor : Start;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>How long to wait in real time for <paramref name="simulated"/> to pass.</summary>
    public TimeSpan ToReal(TimeSpan simulated) => simulated / Factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(real.CreateTimer(callback, state, Scale(dueTime), Scale(period)), Factor);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Factor;
}
