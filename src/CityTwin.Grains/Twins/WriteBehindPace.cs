namespace CityTwin.Grains.Twins;

/// <summary>
/// When each write of a write-behind round may start: spread evenly over <see cref="Spread"/>, so a round
/// of ten thousand twins costs a steady share of a core instead of a whole core in a burst (a burst held up
/// every reading arriving meanwhile: ingest.latency.p99_ms_at_20k).
/// </summary>
public readonly record struct WriteBehindPace(int Writes, TimeSpan Spread)
{
    /// <summary>The share of the interval a round's writes are spread over; the rest is a pause the database always gets.</summary>
    public const double SpreadShare = 0.8;

    public static WriteBehindPace ForRound(int writes, TimeSpan interval) => new(writes, interval * SpreadShare);

    /// <summary>How long after the round's start write number <paramref name="index"/> (from 0) may start.</summary>
    public TimeSpan StartOf(int index) =>
        Writes <= 0 ? TimeSpan.Zero : Spread * ((double)Math.Clamp(index, 0, Writes) / Writes);

    /// <summary>How long write <paramref name="index"/> should wait when the round is <paramref name="elapsed"/> old (zero when it is late).</summary>
    public TimeSpan WaitBefore(int index, TimeSpan elapsed) =>
        StartOf(index) > elapsed ? StartOf(index) - elapsed : TimeSpan.Zero;

    /// <summary>
    /// How long after the round's start the next round begins: one interval, or, when the database could not
    /// keep the pace, the unspread part of an interval after this round ended.
    /// </summary>
    public static TimeSpan NextRoundAfter(TimeSpan interval, TimeSpan roundTook)
    {
        var rest = interval * (1 - SpreadShare);
        return roundTook + rest > interval ? roundTook + rest : interval;
    }
}
