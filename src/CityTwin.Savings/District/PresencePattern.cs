namespace CityTwin.Savings.District;

/// <summary>What kind of street a light stands in, which sets how many people pass it at night.</summary>
public enum StreetKind
{
    /// <summary>Homes: people come home in the evening, few after midnight.</summary>
    Residential,

    /// <summary>Shops, bars, a metro exit: busy until late.</summary>
    Commercial,

    /// <summary>A footpath or park edge: rarely anyone after dark.</summary>
    Path,
}

/// <summary>
/// The hidden rate of passers-by at a light (people per hour) by local hour, Friday and Saturday nights busier;
/// each light scales its street's rate by its own factor.
/// </summary>
public static class PresencePattern
{
    public static double PeoplePerHour(StreetKind street, int localHour, DayOfWeek day)
    {
        var rate = street switch
        {
            StreetKind.Residential => localHour switch { < 1 => 4, < 6 => 1, < 8 => 6, < 17 => 8, < 21 => 12, _ => 6 },
            StreetKind.Commercial => localHour switch { < 2 => 10, < 6 => 2, < 8 => 10, < 17 => 30, < 23 => 30, _ => 15 },
            _ => localHour switch { < 6 => 0.3, < 8 => 3, < 18 => 6, < 21 => 4, _ => 1 },
        };
        var lateWeekend = (day is DayOfWeek.Friday or DayOfWeek.Saturday && localHour >= 20)
            || (day is DayOfWeek.Saturday or DayOfWeek.Sunday && localHour < 4);
        return lateWeekend ? rate * 1.5 : rate;
    }

    /// <summary>Hidden vehicles per hour at an intersection by local hour: an arterial peaks near 900, a local street near 250.</summary>
    public static double VehiclesPerHour(bool arterial, int localHour)
    {
        var shape = localHour switch { < 5 => 0.07, < 7 => 0.3, < 10 => 0.9, < 17 => 0.7, < 20 => 1.0, < 22 => 0.45, _ => 0.2 };
        return (arterial ? 900 : 250) * shape;
    }
}
