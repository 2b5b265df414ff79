using System.Globalization;
using CityTwin.Domain.Lighting;

namespace CityTwin.Domain.Tests.Lighting;

/// <summary>
/// Sun times against the US Naval Observatory's "Complete Sun and Moon Data for One Day" (Astronomical
/// Applications Department), at the coordinates and in the time zone the Observatory printed with each table.
/// Each printout is quoted on a public page, named with its values below; the Observatory rounds to the minute
/// and the coordinates to 0.1°, hence ±2 minutes.
/// </summary>
public class SunTimesTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    // Washington DC (W77.0, N38.9) and Cape May NJ (W74.9, N38.9), Wednesday 20 March 2002, Eastern Standard Time.
    // USNO printouts quoted at http://stevekluge.com/astronomy/equinoxsunrise.html
    // Atlanta GA (N33.8, W84.4), Sunday 6 September 2009, Eastern Daylight Time.
    // USNO printout quoted at http://rhodesmill.org/pyephem/rise-set.html
    // Tromsø (E19.0, N69.5), Tuesday 1 April 2014, "Universal Time + 1h".
    // USNO printout quoted at https://www.answers.com/Q/How_many_hour_of_daylight_in_north_Norway_in_April
    [Theory]
    [InlineData("Washington", 38.9, -77.0, "2002-03-20", "06:12-05:00", "18:21-05:00")]
    [InlineData("Cape May", 38.9, -74.9, "2002-03-20", "06:04-05:00", "18:12-05:00")]
    [InlineData("Atlanta", 33.8, -84.4, "2009-09-06", "07:15-04:00", "19:56-04:00")]
    [InlineData("Tromsø", 69.5, 19.0, "2014-04-01", "04:50+01:00", "18:49+01:00")]
    public void Sunrise_and_sunset_match_the_naval_observatory(string place, double latitude, double longitude, string date, string rise, string set)
    {
        var zone = place == "Tromsø" ? Oslo : NewYork;
        var day = SunTimes.For(latitude, longitude, DateOnly.Parse(date, CultureInfo.InvariantCulture), zone);

        Assert.Equal(SunDayKind.RisesAndSets, day.Kind);
        AssertNear(At(date, rise), day.Rise!.Value, place);
        AssertNear(At(date, set), day.Set!.Value, place);
    }

    // The same printouts' "Begin civil twilight" and "End civil twilight".
    [Theory]
    [InlineData("Washington", 38.9, -77.0, "2002-03-20", "05:45-05:00", "18:47-05:00")]
    [InlineData("Cape May", 38.9, -74.9, "2002-03-20", "05:37-05:00", "18:39-05:00")]
    [InlineData("Atlanta", 33.8, -84.4, "2009-09-06", "06:50-04:00", "20:21-04:00")]
    [InlineData("Tromsø", 69.5, 19.0, "2014-04-01", "03:46+01:00", "19:53+01:00")]
    public void Civil_dawn_and_dusk_match_the_naval_observatory(string place, double latitude, double longitude, string date, string dawn, string dusk)
    {
        var zone = place == "Tromsø" ? Oslo : NewYork;
        var day = SunTimes.For(latitude, longitude, DateOnly.Parse(date, CultureInfo.InvariantCulture), zone, SunHorizon.CivilTwilight);

        AssertNear(At(date, dawn), day.Rise!.Value, place);
        AssertNear(At(date, dusk), day.Set!.Value, place);
    }

    // Same source for Tromsø, later in 2014 (UT+1): 30 April rises 02:29, sets 20:58, with no civil twilight
    // entries (it never gets darker than civil twilight); 17 May rises 00:29 and sets 23:06; on 18 May it
    // rises at 00:13 and does not set again until 23:20 on 25 July.
    [Fact]
    public void Tromsø_in_spring_rises_and_sets_as_the_observatory_says()
    {
        var april30 = SunTimes.For(69.5, 19.0, new DateOnly(2014, 4, 30), Oslo);
        AssertNear(At("2014-04-30", "02:29+01:00"), april30.Rise!.Value, "30 April rise");
        AssertNear(At("2014-04-30", "20:58+01:00"), april30.Set!.Value, "30 April set");

        var may17 = SunTimes.For(69.5, 19.0, new DateOnly(2014, 5, 17), Oslo);
        AssertNear(At("2014-05-17", "00:29+01:00"), may17.Rise!.Value, "17 May rise");
        AssertNear(At("2014-05-17", "23:06+01:00"), may17.Set!.Value, "17 May set");
    }

    [Fact]
    public void Tromsø_at_the_end_of_april_has_no_civil_dusk()
    {
        var civil = SunTimes.For(69.5, 19.0, new DateOnly(2014, 4, 30), Oslo, SunHorizon.CivilTwilight);

        Assert.Equal(SunDayKind.PolarDay, civil.Kind);
        Assert.Null(civil.Rise);
        Assert.Null(civil.Set);
    }

    [Fact]
    public void Tromsø_rises_on_18_may_and_then_has_midnight_sun_until_25_july()
    {
        var may18 = SunTimes.For(69.5, 19.0, new DateOnly(2014, 5, 18), Oslo);
        Assert.Equal(SunDayKind.RisesOnly, may18.Kind);
        AssertNear(At("2014-05-18", "00:13+01:00"), may18.Rise!.Value, "18 May rise");

        foreach (var date in new[] { new DateOnly(2014, 5, 25), new DateOnly(2014, 6, 21), new DateOnly(2014, 7, 18) })
            Assert.Equal(SunDayKind.PolarDay, SunTimes.For(69.5, 19.0, date, Oslo).Kind);

        var july25 = SunTimes.For(69.5, 19.0, new DateOnly(2014, 7, 25), Oslo);
        AssertNear(At("2014-07-25", "23:20+01:00"), july25.Set!.Value, "25 July set");
    }

    // Polar night at Tromsø: Store norske leksikon, "mørketid" (https://snl.no/mørketid, as stored at
    // https://mdsite.deno.dev/https://snl.no/m%C3%B8rketid), gives 26 November to 17 January at 69°42′ N for the
    // Sun's upper limb, "varying by a day between years"; a resident's account
    // (http://ishavsbloggen.blogspot.com/2011/11) gives 28 November to 15 January. The test dates lie inside
    // both ranges, or at least two days outside both, so that neither the sources' disagreement nor a year's
    // shift decides them.
    [Theory]
    [InlineData("2025-11-24", false)]
    [InlineData("2025-11-29", true)]
    [InlineData("2025-12-21", true)]
    [InlineData("2026-01-13", true)]
    [InlineData("2026-01-19", false)]
    public void Tromsø_has_polar_night_from_late_november_to_mid_january(string date, bool polarNight)
    {
        var day = SunTimes.For(69.7, 18.96, DateOnly.Parse(date, CultureInfo.InvariantCulture), Oslo);

        Assert.Equal(polarNight, day.Kind == SunDayKind.PolarNight);
        if (polarNight)
        {
            Assert.Null(day.Rise);
            Assert.Null(day.Set);
            Assert.True(day.NoonAltitudeDegrees < SunAltitudes.Standard);
        }
        else
        {
            Assert.Equal(SunDayKind.RisesAndSets, day.Kind);
            Assert.True(day.Rise < day.SolarNoon && day.SolarNoon < day.Set);
        }
    }

    [Fact]
    public void Southern_polar_night_falls_in_june()
    {
        // McMurdo Station, 77.85° S: winter in June, midnight sun in December.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Antarctica/McMurdo");
        Assert.Equal(SunDayKind.PolarNight, SunTimes.For(-77.85, 166.67, new DateOnly(2025, 6, 21), zone).Kind);
        Assert.Equal(SunDayKind.PolarDay, SunTimes.For(-77.85, 166.67, new DateOnly(2025, 12, 21), zone).Kind);
    }

    [Fact]
    public void A_zone_far_from_its_meridian_still_gets_the_solar_day_of_its_local_date()
    {
        // Kiritimati keeps UTC+14 at 157° W: its local noon is 22:00 UTC of the day before.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var date = new DateOnly(2025, 6, 1);

        var day = SunTimes.For(1.87, -157.4, date, zone);

        Assert.Equal(date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(day.SolarNoon, zone).DateTime));
        Assert.True(day.Rise < day.SolarNoon && day.SolarNoon < day.Set);
        Assert.InRange((day.Set!.Value - day.Rise!.Value).TotalHours, 11.9, 12.4); // near the equator
    }

    [Fact]
    public void The_clock_change_moves_local_sunrise_by_an_hour_but_not_the_sun()
    {
        // Washington went from EST to EDT on Sunday 7 April 2002.
        var saturday = SunTimes.For(38.9, -77.0, new DateOnly(2002, 4, 6), NewYork);
        var sunday = SunTimes.For(38.9, -77.0, new DateOnly(2002, 4, 7), NewYork);

        var instantShift = sunday.Rise!.Value - saturday.Rise!.Value - TimeSpan.FromDays(1);
        var localShift = TimeZoneInfo.ConvertTime(sunday.Rise.Value, NewYork).TimeOfDay
            - TimeZoneInfo.ConvertTime(saturday.Rise.Value, NewYork).TimeOfDay;

        Assert.InRange(instantShift.TotalMinutes, -2, 0); // a spring day rises a minute or so earlier
        Assert.InRange(localShift.TotalMinutes, 58, 60);  // but the clock reads an hour later
    }

    [Fact]
    public void Civil_twilight_widens_the_day_at_both_ends()
    {
        var standard = SunTimes.For(52.37, 4.90, new DateOnly(2025, 10, 26), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var civil = SunTimes.For(52.37, 4.90, new DateOnly(2025, 10, 26), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), SunHorizon.CivilTwilight);

        Assert.InRange((standard.Rise!.Value - civil.Rise!.Value).TotalMinutes, 25, 45);
        Assert.InRange((civil.Set!.Value - standard.Set!.Value).TotalMinutes, 25, 45);
        Assert.Equal(standard.SolarNoon, civil.SolarNoon);
    }

    [Fact]
    public void A_bad_place_is_refused_with_what_was_wrong()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SunTimes.For(91, 0, new DateOnly(2025, 1, 1), Oslo));
        Assert.Equal("latitude", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SunTimes.For(0, 181, new DateOnly(2025, 1, 1), Oslo));
    }

    private static DateTimeOffset At(string date, string timeWithOffset) =>
        DateTimeOffset.Parse($"{date}T{timeWithOffset}", CultureInfo.InvariantCulture);

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual, string what) =>
        Assert.True((actual - expected).Duration() <= Tolerance,
            $"{what}: expected {expected:O}, computed {actual.ToOffset(expected.Offset):O}");
}
