namespace CityTwin.Simulator.Devices;

/// <summary>
/// What every device of the city lives in: weather (rain, temperature, humidity), the sun, traffic by local
/// time. Stateless functions of the seed and the time, so devices read the same weather at the same moment.
/// </summary>
public sealed class CityEnvironment(int seed)
{
    public int Seed { get; } = seed;

    /// <summary>Rain in mm/h; about a quarter of the hours are wet, in spells of a few hours.</summary>
    public double RainMmPerHour(DateTimeOffset at)
    {
        var n = StableRandom.Smooth(Seed, "rain", at, TimeSpan.FromHours(3));
        return n < 0.72 ? 0 : Math.Round((n - 0.72) / 0.28 * 8, 2);
    }

    public bool IsWet(DateTimeOffset at) => RainMmPerHour(at) > 0.2;

    public double TemperatureC(DateTimeOffset at, double latitude, DateTimeOffset local)
    {
        var seasonal = 14 - Math.Abs(latitude) * 0.12 + 8 * Math.Cos((local.DayOfYear - 200) / 365.0 * 2 * Math.PI) * Math.Sign(latitude + 0.1);
        var daily = 4 * Math.Sin((local.TimeOfDay.TotalHours - 9) / 24 * 2 * Math.PI);
        var weather = (StableRandom.Smooth(Seed, "temperature", at, TimeSpan.FromHours(12)) - 0.5) * 6;
        return Math.Round(seasonal + daily + weather - (IsWet(at) ? 2 : 0), 1);
    }

    public double HumidityPercent(DateTimeOffset at)
    {
        var baseline = 55 + StableRandom.Smooth(Seed, "humidity", at, TimeSpan.FromHours(6)) * 25;
        return Math.Round(Math.Min(100, baseline + RainMmPerHour(at) * 6 + (IsWet(at) ? 12 : 0)), 1);
    }

    /// <summary>Sun elevation in degrees (NOAA's simplified formulas: good to a degree, plenty for dusk and dawn).</summary>
    public static double SunElevationDegrees(DateTimeOffset at, double latitude, double longitude)
    {
        var utc = at.UtcDateTime;
        var gamma = 2 * Math.PI / 365 * (utc.DayOfYear - 1 + (utc.Hour - 12) / 24.0);
        var declination = 0.006918 - 0.399912 * Math.Cos(gamma) + 0.070257 * Math.Sin(gamma) - 0.006758 * Math.Cos(2 * gamma)
            + 0.000907 * Math.Sin(2 * gamma) - 0.002697 * Math.Cos(3 * gamma) + 0.00148 * Math.Sin(3 * gamma);
        var equationOfTime = 229.18 * (0.000075 + 0.001868 * Math.Cos(gamma) - 0.032077 * Math.Sin(gamma)
            - 0.014615 * Math.Cos(2 * gamma) - 0.040849 * Math.Sin(2 * gamma));
        var solarMinutes = utc.Hour * 60 + utc.Minute + utc.Second / 60.0 + equationOfTime + 4 * longitude;
        var hourAngle = (solarMinutes / 4 - 180) * Math.PI / 180;
        var phi = latitude * Math.PI / 180;
        var cosZenith = Math.Sin(phi) * Math.Sin(declination) + Math.Cos(phi) * Math.Cos(declination) * Math.Cos(hourAngle);
        return 90 - Math.Acos(Math.Clamp(cosZenith, -1, 1)) * 180 / Math.PI;
    }

    /// <summary>Daylight at street level in lux: dark at night, twilight below the horizon, up to 100,000 in sun; rain dims it.</summary>
    public double AmbientLux(DateTimeOffset at, double latitude, double longitude)
    {
        var elevation = SunElevationDegrees(at, latitude, longitude);
        var lux = elevation <= -6 ? 0.5 : elevation <= 0 ? 0.5 + (elevation + 6) / 6 * 400 : 400 + 100_000 * Math.Sin(elevation * Math.PI / 180);
        return Math.Round(IsWet(at) ? lux * 0.4 : lux, 1);
    }

    /// <summary>
    /// Road traffic as a share of the busiest hour, by local time: two rush-hour waves on weekdays
    /// (08:00 and 17:30), a broad midday hump at weekends, quiet nights.
    /// </summary>
    public static double TrafficLevel(DateTimeOffset local)
    {
        var h = local.TimeOfDay.TotalHours;
        double Wave(double centre, double width) => Math.Exp(-Math.Pow((h - centre) / width, 2) / 2);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var day = h is > 6.5 and < 21 ? 0.45 : 0.08;
        return weekend
            ? Math.Min(1, day * 0.8 + 0.35 * Wave(14, 3))
            : Math.Min(1, day + 0.55 * Wave(8, 0.9) + 0.5 * Wave(17.5, 1.1));
    }

    /// <summary>Pedestrians passing a point, per hour, by local time: evenings busy, small hours quiet, weekend nights livelier.</summary>
    public static double PedestriansPerHour(DateTimeOffset local)
    {
        var h = local.TimeOfDay.TotalHours;
        var weekendNight = local.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday && (h >= 21 || h < 3)
            || local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && h < 3;
        var rate = h switch
        {
            < 1 => 12.0,
            < 5 => 3.0,
            < 7 => 15.0,
            < 19 => 60.0,
            < 23 => 35.0,
            _ => 18.0,
        };
        return weekendNight ? rate * 2.5 : rate;
    }
}
