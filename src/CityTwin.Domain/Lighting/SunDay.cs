namespace CityTwin.Domain.Lighting;

/// <summary>How the Sun behaves around one solar day at a place.</summary>
public enum SunDayKind
{
    RisesAndSets,

    /// <summary>It rises and then stays up past the next solar midnight (the start of the midnight sun).</summary>
    RisesOnly,

    /// <summary>It was up since the last solar midnight and sets (the end of the midnight sun).</summary>
    SetsOnly,

    /// <summary>It stays above the horizon all day: midnight sun.</summary>
    PolarDay,

    /// <summary>It stays below the horizon all day.</summary>
    PolarNight,
}

/// <summary>
/// The Sun's rising and setting for the solar day whose noon falls on <see cref="Date"/>, local time, at an
/// altitude (<see cref="AltitudeDegrees"/>). The rising is the one before that noon and the setting the one
/// after it, so near the polar circles, or in a zone far from its meridian, a setting may fall after local
/// midnight and so on the next local date (the Naval Observatory lists it there).
/// </summary>
public sealed record SunDay(
    DateOnly Date,
    double AltitudeDegrees,
    DateTimeOffset SolarNoon,
    double NoonAltitudeDegrees,
    DateTimeOffset? Rise,
    DateTimeOffset? Set)
{
    public SunDayKind Kind => (Rise, Set) switch
    {
        ({ }, { }) => SunDayKind.RisesAndSets,
        ({ }, null) => SunDayKind.RisesOnly,
        (null, { }) => SunDayKind.SetsOnly,
        _ => NoonAltitudeDegrees >= AltitudeDegrees ? SunDayKind.PolarDay : SunDayKind.PolarNight,
    };
}
