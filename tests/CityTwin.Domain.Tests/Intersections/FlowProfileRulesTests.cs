using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class FlowProfileRulesTests
{
    private static readonly TimeZoneInfo Amsterdam = Crossroads.Amsterdam;
    private readonly FlowProfile _profile = new();

    /// <summary>Feeds a reading every <paramref name="step"/> from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    private void Feed(DateTimeOffset from, DateTimeOffset to, TimeSpan step, Func<DateTimeOffset, double> intensity)
    {
        for (var at = from; at < to; at += step)
            FlowProfileRules.Learn(_profile, at, Amsterdam, intensity(at));
    }

    private (int Flow, int Hours) Bucket(DayOfWeek day, int hour)
    {
        var bucket = FlowProfileRules.Bucket(day, hour);
        return (_profile.Flow[bucket], _profile.Hours[bucket]);
    }

    [Fact]
    public void Buckets_run_from_monday_midnight_to_sunday_23h()
    {
        Assert.Equal(0, FlowProfileRules.Bucket(DayOfWeek.Monday, 0));
        Assert.Equal(8, FlowProfileRules.Bucket(DayOfWeek.Monday, 8));
        Assert.Equal(167, FlowProfileRules.Bucket(DayOfWeek.Sunday, 23));
    }

    [Fact]
    public void An_hour_is_learned_in_local_time_once_it_is_over()
    {
        // Monday 6 January 2025, 08:00 in Amsterdam is 07:00 UTC.
        var eight = new DateTimeOffset(2025, 1, 6, 7, 0, 0, TimeSpan.Zero);
        Feed(eight, eight.AddHours(1), TimeSpan.FromMinutes(5), at => at.Minute < 30 ? 500 : 700);
        Assert.Equal(0, Bucket(DayOfWeek.Monday, 8).Hours);

        FlowProfileRules.Learn(_profile, eight.AddHours(1), Amsterdam, 100);

        Assert.Equal((600, 1), Bucket(DayOfWeek.Monday, 8));
        Assert.Equal(0, Bucket(DayOfWeek.Monday, 7).Hours);
    }

    [Fact]
    public void The_same_instant_lands_in_the_district_zones_own_hour()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var instant = new DateTimeOffset(2025, 1, 6, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(FlowProfileRules.Bucket(DayOfWeek.Monday, 8), FlowProfileRules.BucketOf(instant, Amsterdam));
        Assert.Equal(FlowProfileRules.Bucket(DayOfWeek.Monday, 2), FlowProfileRules.BucketOf(instant, newYork));
    }

    [Fact]
    public void Weekdays_are_learned_apart()
    {
        var mondayEight = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(1));
        Feed(mondayEight, mondayEight.AddHours(1.5), TimeSpan.FromMinutes(10), _ => 900);
        var saturdayEight = mondayEight.AddDays(5);
        Feed(saturdayEight, saturdayEight.AddHours(1.5), TimeSpan.FromMinutes(10), _ => 200);

        Assert.Equal((900, 1), Bucket(DayOfWeek.Monday, 8));
        Assert.Equal((200, 1), Bucket(DayOfWeek.Saturday, 8));
    }

    [Fact]
    public void Early_weeks_average_and_later_weeks_move_the_bucket_by_the_smoothing_weight()
    {
        var mondayEight = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(1));
        var weeks = new[] { 800, 1000, 1200, 1000, 1000, 2000 };
        var flows = new List<int>();
        for (var week = 0; week < weeks.Length; week++)
        {
            var start = mondayEight.AddDays(7 * week);
            Feed(start, start.AddHours(1), TimeSpan.FromMinutes(15), _ => weeks[week]);
            FlowProfileRules.Learn(_profile, start.AddHours(1), Amsterdam, 0);
            flows.Add(Bucket(DayOfWeek.Monday, 8).Flow);
        }

        // Means of 1, 2, 3, 4 and 5 weeks, then 1000 + 0.2 × (2000 − 1000).
        Assert.Equal([800, 900, 1000, 1000, 1000, 1200], flows);
        Assert.Equal(6, Bucket(DayOfWeek.Monday, 8).Hours);
    }

    [Fact]
    public void A_late_reading_from_a_closed_hour_does_not_rewrite_it()
    {
        var eight = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(1));
        FlowProfileRules.Learn(_profile, eight, Amsterdam, 400);
        FlowProfileRules.Learn(_profile, eight.AddHours(1), Amsterdam, 100);
        FlowProfileRules.Learn(_profile, eight.AddMinutes(30), Amsterdam, 5000);
        FlowProfileRules.Learn(_profile, eight.AddHours(2), Amsterdam, 100);

        Assert.Equal((400, 1), Bucket(DayOfWeek.Monday, 8));
        Assert.Equal((100, 1), Bucket(DayOfWeek.Monday, 9));
    }

    [Fact]
    public void Spring_forward_skips_the_missing_hour_and_keeps_its_neighbours_apart()
    {
        // Sunday 30 March 2025: at 01:00 UTC Amsterdam jumps from 02:00 CET to 03:00 CEST.
        var from = new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero);
        Feed(from, from.AddHours(5), TimeSpan.FromMinutes(10), at => 100 * (TimeZoneInfo.ConvertTime(at, Amsterdam).Hour + 1));

        Assert.Equal((100, 1), Bucket(DayOfWeek.Sunday, 0));
        Assert.Equal((200, 1), Bucket(DayOfWeek.Sunday, 1));
        Assert.Equal(0, Bucket(DayOfWeek.Sunday, 2).Hours);
        Assert.Equal((400, 1), Bucket(DayOfWeek.Sunday, 3));
        Assert.Equal((500, 1), Bucket(DayOfWeek.Sunday, 4));
    }

    [Fact]
    public void Fall_back_learns_the_repeated_hour_once_from_both_occurrences()
    {
        // Sunday 26 October 2025: at 01:00 UTC Amsterdam goes back from 03:00 CEST to 02:00 CET, so 02:00–03:00
        // local runs from 00:00 to 02:00 UTC. The first occurrence carries 200 veh/h, the second 400.
        var from = new DateTimeOffset(2025, 10, 25, 22, 0, 0, TimeSpan.Zero);
        var secondOccurrence = new DateTimeOffset(2025, 10, 26, 1, 0, 0, TimeSpan.Zero);
        Feed(from, from.AddHours(6), TimeSpan.FromMinutes(10), at =>
            TimeZoneInfo.ConvertTime(at, Amsterdam).Hour == 2 ? (at < secondOccurrence ? 200 : 400) : 1000);

        Assert.Equal((1000, 1), Bucket(DayOfWeek.Sunday, 1));
        Assert.Equal((300, 1), Bucket(DayOfWeek.Sunday, 2));
        Assert.Equal((1000, 1), Bucket(DayOfWeek.Sunday, 3));
    }

    [Fact]
    public void Confidence_grows_with_observed_hours_until_full()
    {
        Assert.Equal(0, FlowProfileRules.Confidence(0));
        Assert.Equal(0.25, FlowProfileRules.Confidence(1));
        Assert.Equal(1, FlowProfileRules.Confidence(FlowProfileRules.HoursForFullConfidence));
        Assert.Equal(1, FlowProfileRules.Confidence(200));
    }
}
