using CityTwin.Domain.Collection;

namespace CityTwin.Domain.Tests.Collection;

public class CollectionScheduleTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // Monday and Thursday mornings, 06:00 for five hours.
    private static readonly CollectionSchedule MondayThursday = new(
    [
        new(DayOfWeek.Thursday, new(6, 0), TimeSpan.FromHours(5)),
        new(DayOfWeek.Monday, new(6, 0), TimeSpan.FromHours(5)),
    ], Amsterdam);

    [Fact]
    public void The_next_window_is_the_first_to_start_at_or_after_now_in_local_time()
    {
        // Tuesday 4 March 2025, 10:00 CET.
        var now = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));

        var next = MondayThursday.NextStartingAt(now);
        var following = MondayThursday.After(next);

        Assert.Equal(new DateTimeOffset(2025, 3, 6, 6, 0, 0, TimeSpan.FromHours(1)), next.Start);
        Assert.Equal(next.Start.AddHours(5), next.End);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 6, 0, 0, TimeSpan.FromHours(1)), following.Start);
    }

    [Fact]
    public void A_window_in_progress_is_not_the_next_one()
    {
        var duringMonday = new DateTimeOffset(2025, 3, 3, 7, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(DayOfWeek.Thursday, TimeZoneInfo.ConvertTime(MondayThursday.NextStartingAt(duringMonday).Start, Amsterdam).DayOfWeek);
    }

    [Fact]
    public void Windows_keep_their_local_time_across_the_clock_change()
    {
        // Clocks go forward on Sunday 30 March 2025: Thursday 27 March 06:00 is UTC+1, Monday 31 March 06:00 is UTC+2.
        var thursday = MondayThursday.NextStartingAt(new DateTimeOffset(2025, 3, 27, 0, 0, 0, TimeSpan.Zero));
        var monday = MondayThursday.After(thursday);

        Assert.Equal(new DateTimeOffset(2025, 3, 27, 5, 0, 0, TimeSpan.Zero), thursday.Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 4, 0, 0, TimeSpan.Zero), monday.Start);
        Assert.Equal(TimeSpan.FromHours(5), monday.End - monday.Start);
    }

    [Fact]
    public void A_window_set_in_the_skipped_hour_starts_when_the_clock_resumes()
    {
        var night = new CollectionSchedule([new(DayOfWeek.Sunday, new(2, 30), TimeSpan.FromHours(3))], Amsterdam);

        var window = night.NextStartingAt(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.Zero));

        // 02:30 does not exist on 30 March; a clock that was not moved would show it at 03:30 CEST, 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), window.Start);
    }

    [Fact]
    public void A_window_in_the_repeated_hour_starts_at_its_first_occurrence()
    {
        var night = new CollectionSchedule([new(DayOfWeek.Sunday, new(2, 30), TimeSpan.FromHours(3))], Amsterdam);

        var window = night.NextStartingAt(new DateTimeOffset(2025, 10, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), window.Start); // 02:30 CEST
    }

    [Fact]
    public void Bad_windows_are_refused_naming_which()
    {
        var violations = CollectionSchedule.Validate(
        [
            new(DayOfWeek.Monday, new(6, 0), TimeSpan.FromHours(30)),
            new(DayOfWeek.Tuesday, new(6, 0), TimeSpan.Zero),
        ]);
        Assert.Equal(["windows[0].length", "windows[1].length"], violations.Select(v => v.Field));

        var overlapping = CollectionSchedule.Validate(
        [
            new(DayOfWeek.Monday, new(20, 0), TimeSpan.FromHours(12)),
            new(DayOfWeek.Tuesday, new(6, 0), TimeSpan.FromHours(2)),
        ]);
        Assert.Equal("windows[0]", Assert.Single(overlapping).Field);
        Assert.Throws<ArgumentException>(() => new CollectionSchedule([], Amsterdam));
    }
}
