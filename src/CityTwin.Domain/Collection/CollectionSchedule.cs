using CityTwin.Domain.Common;

namespace CityTwin.Domain.Collection;

/// <summary>A weekly collection window in the district's local time: every <see cref="Day"/> from <see cref="Start"/> for <see cref="Length"/>.</summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeSpan Length);

/// <summary>One occurrence of a collection window.</summary>
public sealed record CollectionWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset at) => Start <= at && at < End;
}

/// <summary>
/// A district's collection windows, weekly in local time. A window follows the local clock: it starts at the
/// same local time every week, and lasts its length in real time (a window starting in the hour the clock
/// skips starts as much later, see <see cref="LocalClock"/>).
/// </summary>
public sealed class CollectionSchedule
{
    private readonly List<WeeklyWindow> windows;
    private readonly TimeZoneInfo zone;

    public CollectionSchedule(IReadOnlyList<WeeklyWindow> windows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(zone);
        var violations = Validate(windows);
        if (violations.Count > 0)
            throw new ArgumentException(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")), nameof(windows));
        this.windows = [.. windows.OrderBy(WeekOffset)];
        this.zone = zone;
    }

    public static IReadOnlyList<RuleViolation> Validate(IReadOnlyList<WeeklyWindow> windows)
    {
        var violations = new List<RuleViolation>();
        if (windows.Count == 0)
            violations.Add(new("windows", "at least one collection window is needed"));
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (!Enum.IsDefined(w.Day))
                violations.Add(new($"windows[{i}].day", $"{(int)w.Day} is not a day of the week"));
            if (w.Length <= TimeSpan.Zero || w.Length > TimeSpan.FromDays(1))
                violations.Add(new($"windows[{i}].length", $"{w.Length} is outside (00:00:00, 1.00:00:00]"));
        }
        if (violations.Count > 0)
            return violations;

        var ordered = windows.Select((w, i) => (w, i)).OrderBy(p => WeekOffset(p.w)).ToList();
        for (var k = 0; k < ordered.Count; k++)
        {
            var (w, i) = ordered[k];
            var (next, j) = ordered[(k + 1) % ordered.Count];
            var gap = WeekOffset(next) - WeekOffset(w);
            if (gap <= TimeSpan.Zero)
                gap += TimeSpan.FromDays(7);
            if (ordered.Count > 1 && w.Length > gap)
                violations.Add(new($"windows[{i}]", $"runs into windows[{j}] ({next.Day} {next.Start:HH\\:mm})"));
        }
        return violations;
    }

    /// <summary>The first window that starts at or after <paramref name="at"/>.</summary>
    public CollectionWindow NextStartingAt(DateTimeOffset at)
    {
        var localDate = LocalClock.LocalDate(at, zone);
        // Start a day early: a window of yesterday's local date can start after `at` near a clock change.
        for (var date = localDate.AddDays(-1); ; date = date.AddDays(1))
        {
            foreach (var w in windows.Where(w => w.Day == date.DayOfWeek).OrderBy(w => w.Start))
            {
                var start = LocalClock.ToInstant(date, w.Start, zone);
                if (start >= at)
                    return new CollectionWindow(start, start + w.Length);
            }
        }
    }

    /// <summary>The window after <paramref name="window"/>.</summary>
    public CollectionWindow After(CollectionWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return NextStartingAt(window.Start.AddTicks(1));
    }

    private static TimeSpan WeekOffset(WeeklyWindow w) => TimeSpan.FromDays(((int)w.Day + 6) % 7) + w.Start.ToTimeSpan();
}
