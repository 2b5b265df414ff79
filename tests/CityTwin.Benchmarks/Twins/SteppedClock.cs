namespace CityTwin.Benchmarks.Twins;

/// <summary>
/// The city's clock in twin benchmarks: it moves only when told, so a few seconds of benchmark can fill
/// a day of hourly history the way a day of real readings would.
/// </summary>
public sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    /// <summary>Moves the clock forward to <paramref name="time"/> unless it is there already.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var target = time.UtcTicks;
        long current;
        while ((current = Interlocked.Read(ref ticks)) < target && Interlocked.CompareExchange(ref ticks, target, current) != current)
        {
        }
    }
}
