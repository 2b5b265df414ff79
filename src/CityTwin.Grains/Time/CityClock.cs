namespace CityTwin.Grains.Time;

/// <summary>
/// The clock every CityTwin rule reads. Separate from the TimeProvider Orleans itself runs on, so a
/// demo can run the city faster than real time (and tests can step it) without touching the runtime.
/// </summary>
public sealed class CityClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>When this process started serving: staleness grace periods count from here.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
