using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class LocalHoursTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("2025-03-02T23:00:00Z", 0)]       // Monday 00:00 CET
    [InlineData("2025-03-08T19:30:00Z", 5 * 24 + 20)] // Saturday 20:30 CET
    [InlineData("2025-03-09T22:59:59Z", 167)]     // Sunday 23:59:59 CET
    [InlineData("2025-03-30T00:30:00Z", 6 * 24 + 1)] // last Sunday of March, 01:30 CET
    [InlineData("2025-03-30T01:30:00Z", 6 * 24 + 3)] // an hour later it is 03:30 CEST
    [InlineData("2025-10-26T00:30:00Z", 6 * 24 + 2)] // last Sunday of October, 02:30 CEST
    [InlineData("2025-10-26T01:30:00Z", 6 * 24 + 2)] // and an hour later 02:30 CET again
    public void Hours_of_the_week_follow_the_local_clock(string utc, int expected) =>
        Assert.Equal(expected, LocalHours.HourOfWeek(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), Amsterdam));

    [Fact]
    public void The_night_clocks_go_forward_has_no_two_oclock()
    {
        var from = new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero); // Sunday 00:00 CET
        var spans = LocalHours.Split(from, from.AddHours(4), Amsterdam).ToList();
        Assert.Equal([144, 145, 147, 148], spans.Select(s => s.HourOfWeek));
        Assert.All(spans, s => Assert.Equal(1, s.Hours, 9));
    }

    [Fact]
    public void The_night_clocks_go_back_has_two_oclock_twice()
    {
        var from = new DateTimeOffset(2025, 10, 25, 22, 0, 0, TimeSpan.Zero); // Sunday 00:00 CEST
        var spans = LocalHours.Split(from, from.AddHours(5), Amsterdam).ToList();
        Assert.Equal([144, 145, 146, 146, 147], spans.Select(s => s.HourOfWeek));
    }

    [Fact]
    public void Split_cuts_at_local_hour_boundaries_and_covers_the_stretch_exactly()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var from = new DateTimeOffset(2025, 3, 3, 4, 10, 0, TimeSpan.Zero); // 09:40 local
        var spans = LocalHours.Split(from, from.AddMinutes(100), kolkata).ToList();
        Assert.Equal([9, 10, 11], spans.Select(s => s.HourOfWeek));
        Assert.Equal(20, (spans[0].End - spans[0].Start).TotalMinutes, 9);
        Assert.Equal(from.AddMinutes(100), spans[^1].End);
    }
}
