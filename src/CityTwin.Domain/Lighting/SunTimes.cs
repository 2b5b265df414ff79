using CityTwin.Domain.Common;

namespace CityTwin.Domain.Lighting;

/// <summary>
/// Sunrise and sunset (or civil dawn and dusk) for a place, a local date and a time zone, with NOAA's solar
/// equations (<see cref="SolarPosition"/>). Each event is solved by iteration: the Sun's declination and the
/// equation of time are taken at the event's own estimated time, not at noon, which matters near the polar
/// circles where a day's change of declination moves an event by many minutes. No external service.
/// </summary>
public static class SunTimes
{
    private const int MaxIterations = 8;
    private static readonly TimeSpan Converged = TimeSpan.FromSeconds(1);

    /// <summary>The solar day whose noon falls on the local date <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static SunDay For(double latitude, double longitude, DateOnly date, TimeZoneInfo zone, double altitudeDegrees = SunAltitudes.Standard)
    {
        ArgumentNullException.ThrowIfNull(zone);
        CheckPlace(latitude, longitude);
        if (!double.IsFinite(altitudeDegrees) || altitudeDegrees is < -18 or > 5)
            throw new ArgumentOutOfRangeException(nameof(altitudeDegrees), altitudeDegrees, "the Sun's altitude for rising and setting must be within -18..5 degrees");
        // At the poles the hour angle is undefined; a hair away gives the right polar day or night.
        latitude = Math.Clamp(latitude, -89.999, 89.999);

        var noon = SolarNoonNear(LocalClock.ToInstant(date, new TimeOnly(12, 0), zone), longitude);
        var noonAltitude = SolarPosition.AltitudeDegrees(latitude, longitude, noon);
        var rise = Event(latitude, longitude, noon, altitudeDegrees, rising: true);
        var set = Event(latitude, longitude, noon, altitudeDegrees, rising: false);
        return new SunDay(date, altitudeDegrees, noon, noonAltitude, rise, set);
    }

    public static SunDay For(double latitude, double longitude, DateOnly date, TimeZoneInfo zone, SunHorizon horizon) =>
        For(latitude, longitude, date, zone, SunAltitudes.Of(horizon));

    /// <summary>The local day of <paramref name="now"/> and the days either side, for telling dark from light.</summary>
    public static Daylight Around(double latitude, double longitude, DateTimeOffset now, TimeZoneInfo zone, SunHorizon horizon = SunHorizon.Standard)
    {
        var today = LocalClock.LocalDate(now, zone);
        return new Daylight(
        [
            For(latitude, longitude, today.AddDays(-1), zone, horizon),
            For(latitude, longitude, today, zone, horizon),
            For(latitude, longitude, today.AddDays(1), zone, horizon),
        ]);
    }

    /// <summary>The Sun's transit nearest <paramref name="localNoon"/>.</summary>
    private static DateTimeOffset SolarNoonNear(DateTimeOffset localNoon, double longitude)
    {
        var noon = localNoon;
        for (var i = 0; i < 3; i++)
        {
            var (_, equationOfTime) = SolarPosition.At(noon);
            noon = TransitFor(localNoon, longitude, equationOfTime);
        }
        return noon;
    }

    /// <summary>
    /// The rising before <paramref name="noon"/> or the setting after it; null when the Sun does not cross the
    /// altitude within that half of the solar day.
    /// </summary>
    private static DateTimeOffset? Event(double latitude, double longitude, DateTimeOffset noon, double altitude, bool rising)
    {
        var sign = rising ? -1 : 1;
        var solarMidnight = noon.AddHours(12 * sign);
        var guess = noon;
        var retriedAtMidnight = false;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (declination, equationOfTime) = SolarPosition.At(guess);
            var hourAngle = SolarPosition.HourAngleDegrees(latitude, declination, altitude);
            if (double.IsInfinity(hourAngle))
            {
                // Declination taken at noon can say "no event" although by the hours around solar midnight,
                // where a grazing event happens, the Sun has moved enough to cross: look there once.
                if (retriedAtMidnight)
                    return null;
                retriedAtMidnight = true;
                guess = solarMidnight;
                continue;
            }

            var transitOfGuess = TransitFor(noon, longitude, equationOfTime);
            var next = transitOfGuess.AddMinutes(sign * 4 * hourAngle);
            if ((next - guess).Duration() < Converged)
                return next;
            guess = next;
        }
        return guess;
    }

    /// <summary>The transit on the solar day of <paramref name="noon"/> implied by an equation of time.</summary>
    private static DateTimeOffset TransitFor(DateTimeOffset noon, double longitude, double equationOfTime)
    {
        var utcMidnight = new DateTimeOffset(noon.UtcDateTime.Date, TimeSpan.Zero);
        var transit = utcMidnight.AddMinutes(720 - 4 * longitude - equationOfTime);
        // The transit of the UTC date may lie a day off in zones far from Greenwich.
        while (transit - noon > TimeSpan.FromHours(12))
            transit = transit.AddDays(-1);
        while (noon - transit > TimeSpan.FromHours(12))
            transit = transit.AddDays(1);
        return transit;
    }

    private static void CheckPlace(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be within -90..90 degrees");
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be within -180..180 degrees");
    }
}
