using System.Globalization;
using CityTwin.Domain.Lighting;

namespace CityTwin.Domain.Tests.Lighting;

public class DaylightTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static bool DarkInTromsø(string instant)
    {
        var now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        return SunTimes.Around(69.5, 19.0, now, Oslo).IsDark(now);
    }

    [Theory]
    [InlineData("2014-04-01T04:30+01:00", true)]  // before the 04:50 sunrise
    [InlineData("2014-04-01T05:10+01:00", false)]
    [InlineData("2014-04-01T18:30+01:00", false)] // before the 18:49 sunset
    [InlineData("2014-04-01T19:10+01:00", true)]
    [InlineData("2014-06-21T00:30+02:00", false)] // midnight sun
    [InlineData("2025-12-21T12:00+01:00", true)]  // polar night, even at noon
    public void Dark_follows_the_sun(string instant, bool dark) => Assert.Equal(dark, DarkInTromsø(instant));

    [Fact]
    public void A_setting_after_local_midnight_keeps_the_light_until_it_happens()
    {
        // 17 May 2014: sets at 23:06 UT+1, which is 00:06 on 18 May by Norwegian summer time, and rises again at 00:13 UT+1.
        Assert.False(DarkInTromsø("2014-05-18T00:02+02:00"));
        Assert.True(DarkInTromsø("2014-05-18T00:10+02:00"));
        Assert.False(DarkInTromsø("2014-05-18T01:20+02:00"));
    }

    [Fact]
    public void The_next_change_is_the_next_rising_or_setting()
    {
        var now = DateTimeOffset.Parse("2014-04-01T12:00+01:00", CultureInfo.InvariantCulture);
        var daylight = SunTimes.Around(69.5, 19.0, now, Oslo);

        var next = daylight.NextChange(now);

        Assert.Equal(daylight.Days[1].Set, next);
        Assert.Null(SunTimes.Around(69.5, 19.0, DateTimeOffset.Parse("2014-06-21T12:00+02:00", CultureInfo.InvariantCulture), Oslo)
            .NextChange(DateTimeOffset.Parse("2014-06-21T12:00+02:00", CultureInfo.InvariantCulture)));
    }
}
