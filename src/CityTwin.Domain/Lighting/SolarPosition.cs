namespace CityTwin.Domain.Lighting;

/// <summary>
/// The Sun's declination, the equation of time and its altitude at an instant, by the equations of NOAA's
/// Solar Calculator (Global Monitoring Laboratory, "solcalc" spreadsheet, after Meeus, Astronomical
/// Algorithms). Accurate to well under a minute of time for years 1800..2100; UTC is used for Terrestrial Time
/// (about a minute apart today, which moves the Sun by less than a second of time).
/// </summary>
public static class SolarPosition
{
    private const double Rad = Math.PI / 180;

    /// <summary>Declination in degrees and equation of time in minutes at <paramref name="instant"/>.</summary>
    public static (double DeclinationDegrees, double EquationOfTimeMinutes) At(DateTimeOffset instant)
    {
        var julianDay = instant.UtcDateTime.ToOADate() + 2415018.5;
        var t = (julianDay - 2451545.0) / 36525.0;

        var meanLongitude = Normalise(280.46646 + t * (36000.76983 + t * 0.0003032));
        var meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
        var eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        var equationOfCentre =
            Math.Sin(meanAnomaly * Rad) * (1.914602 - t * (0.004817 + 0.000014 * t))
            + Math.Sin(2 * meanAnomaly * Rad) * (0.019993 - 0.000101 * t)
            + Math.Sin(3 * meanAnomaly * Rad) * 0.000289;
        var trueLongitude = meanLongitude + equationOfCentre;
        var omega = 125.04 - 1934.136 * t;
        var apparentLongitude = trueLongitude - 0.00569 - 0.00478 * Math.Sin(omega * Rad);
        var meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        var obliquity = meanObliquity + 0.00256 * Math.Cos(omega * Rad);

        var declination = Math.Asin(Math.Sin(obliquity * Rad) * Math.Sin(apparentLongitude * Rad)) / Rad;

        var y = Math.Pow(Math.Tan(obliquity / 2 * Rad), 2);
        var l0 = meanLongitude * Rad;
        var m = meanAnomaly * Rad;
        var equationOfTime = 4 / Rad * (
            y * Math.Sin(2 * l0)
            - 2 * eccentricity * Math.Sin(m)
            + 4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0)
            - 0.5 * y * y * Math.Sin(4 * l0)
            - 1.25 * eccentricity * eccentricity * Math.Sin(2 * m));
        return (declination, equationOfTime);
    }

    /// <summary>
    /// The geometric altitude of the Sun's centre in degrees (no refraction; the -0.833° horizon of
    /// <see cref="SunAltitudes.Standard"/> already allows for it).
    /// </summary>
    public static double AltitudeDegrees(double latitude, double longitude, DateTimeOffset instant)
    {
        var (declination, equationOfTime) = At(instant);
        var utc = instant.UtcDateTime;
        var minutesOfDay = utc.TimeOfDay.TotalMinutes;
        var trueSolarMinutes = minutesOfDay + equationOfTime + 4 * longitude;
        var hourAngle = trueSolarMinutes / 4 - 180;
        var sinAltitude = Math.Sin(latitude * Rad) * Math.Sin(declination * Rad)
            + Math.Cos(latitude * Rad) * Math.Cos(declination * Rad) * Math.Cos(hourAngle * Rad);
        return Math.Asin(Math.Clamp(sinAltitude, -1, 1)) / Rad;
    }

    /// <summary>
    /// The hour angle in degrees at which the Sun's centre stands at <paramref name="altitude"/>; +∞ when it
    /// stays above all day (polar day), -∞ when it stays below (polar night).
    /// </summary>
    internal static double HourAngleDegrees(double latitude, double declination, double altitude)
    {
        var cosine = (Math.Sin(altitude * Rad) - Math.Sin(latitude * Rad) * Math.Sin(declination * Rad))
            / (Math.Cos(latitude * Rad) * Math.Cos(declination * Rad));
        if (cosine < -1)
            return double.PositiveInfinity;
        if (cosine > 1)
            return double.NegativeInfinity;
        return Math.Acos(cosine) / Rad;
    }

    private static double Normalise(double degrees) => ((degrees % 360) + 360) % 360;
}
