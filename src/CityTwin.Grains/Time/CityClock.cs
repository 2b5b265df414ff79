namespace CityTwin.Grains.Time;

/// <summary>
/// The clock every CityTwin rule reads. Separate from the TimeProvider Orleans itself runs on, so a
/// demo can run the city faster than real time (and tests can step it) without touching the runtime.
/// </summary>
/// <param name="pace">City seconds per real second (the demo's time factor; 1 for a real city).</param>
public sealed class CityClock(TimeProvider time, double pace = 1)
{
    public TimeProvider Time { get; } = time;

    /// <summary>City seconds per real second. Orleans timers run on real time, so a city duration is divided by it.</summary>
    public double Pace { get; } = double.IsFinite(pace) && pace > 0 ? pace : throw new ArgumentOutOfRangeException(nameof(pace), pace, "must be a positive number");

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>When this process started serving: staleness grace periods count from here.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>How long a grain timer waits for <paramref name="cityDuration"/> to pass on this clock.</summary>
    public TimeSpan RealDuration(TimeSpan cityDuration) => cityDuration / Pace;
}
