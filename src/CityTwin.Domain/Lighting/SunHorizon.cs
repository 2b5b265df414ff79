namespace CityTwin.Domain.Lighting;

/// <summary>Which altitude of the Sun's centre counts as its rising and setting.</summary>
public enum SunHorizon
{
    /// <summary>Sunrise and sunset: the upper limb on an ideal horizon, <see cref="SunAltitudes.Standard"/>.</summary>
    Standard,

    /// <summary>Civil dawn and dusk, <see cref="SunAltitudes.CivilTwilight"/>.</summary>
    CivilTwilight,
}

public static class SunAltitudes
{
    /// <summary>
    /// -0.833°: 34′ of refraction at the horizon plus 16′ for the Sun's semi-diameter, the convention of the
    /// US Naval Observatory and NOAA for sunrise and sunset.
    /// </summary>
    public const double Standard = -0.833;

    /// <summary>-6°: the Sun's centre six degrees below the horizon ends civil dusk and begins civil dawn.</summary>
    public const double CivilTwilight = -6;

    public static double Of(SunHorizon horizon) => horizon switch
    {
        SunHorizon.Standard => Standard,
        SunHorizon.CivilTwilight => CivilTwilight,
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "not a sun horizon"),
    };
}
