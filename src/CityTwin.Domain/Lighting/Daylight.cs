namespace CityTwin.Domain.Lighting;

/// <summary>
/// Dark or light at an instant, from the sun times of a few consecutive days: the latest rising or setting at
/// or before the instant decides; before the first event the opposite of that event holds; with no event in
/// the days at all (deep in polar day or night) the days' kind decides. Deciding by the latest event, rather
/// than by the local date's own pair, keeps a setting that falls after local midnight in force until it happens.
/// </summary>
public sealed class Daylight
{
    private readonly List<(DateTimeOffset At, bool Rise)> events;

    public Daylight(IReadOnlyList<SunDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
            throw new ArgumentException("at least one day of sun times is needed", nameof(days));
        Days = days;
        events = [.. days
            .SelectMany(d => new[] { (d.Rise, true), (d.Set, false) })
            .Where(e => e.Item1 is not null)
            .Select(e => (e.Item1!.Value, e.Item2))
            .OrderBy(e => e.Value)];
    }

    public IReadOnlyList<SunDay> Days { get; }

    public bool IsDark(DateTimeOffset now)
    {
        (DateTimeOffset At, bool Rise)? last = null;
        foreach (var e in events)
        {
            if (e.At > now)
            {
                if (last is { } previous)
                    return !previous.Rise;
                return e.Rise; // before a rising it is dark, before a setting light
            }
            last = e;
        }
        if (last is { } latest)
            return !latest.Rise;
        return Days[Days.Count / 2].Kind == SunDayKind.PolarNight;
    }

    /// <summary>The next rising or setting after <paramref name="now"/> within these days; null when there is none.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset now)
    {
        foreach (var e in events)
        {
            if (e.At > now)
                return e.At;
        }
        return null;
    }
}
