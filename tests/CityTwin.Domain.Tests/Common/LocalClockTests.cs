using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class LocalClockTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("2025-01-15T12:00", "2025-01-15T11:00Z")] // CET
    [InlineData("2025-07-15T12:00", "2025-07-15T10:00Z")] // CEST
    [InlineData("2025-03-30T02:30", "2025-03-30T01:30Z")] // skipped: as 03:30 CEST
    [InlineData("2025-10-26T02:30", "2025-10-26T00:30Z")] // repeated: the first, CEST
    [InlineData("2025-10-26T03:00", "2025-10-26T02:00Z")] // after the overlap
    public void Local_times_become_instants(string local, string utc)
    {
        var instant = LocalClock.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Amsterdam);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void The_spring_day_is_23_hours_and_the_autumn_day_25()
    {
        Assert.Equal(23, (LocalClock.StartOfDay(new(2025, 3, 31), Amsterdam) - LocalClock.StartOfDay(new(2025, 3, 30), Amsterdam)).TotalHours);
        Assert.Equal(25, (LocalClock.StartOfDay(new(2025, 10, 27), Amsterdam) - LocalClock.StartOfDay(new(2025, 10, 26), Amsterdam)).TotalHours);
    }
}
