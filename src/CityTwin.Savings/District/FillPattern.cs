namespace CityTwin.Savings.District;

/// <summary>What kind of place a bin serves, which shapes its week.</summary>
public enum BinPlace
{
    /// <summary>Homes: a morning and a bigger evening peak, more at weekends.</summary>
    Residential,

    /// <summary>Shops and offices: business hours Monday to Saturday, little on Sunday.</summary>
    Commercial,

    /// <summary>Parks and promenades: afternoons and evenings, weekends two to three times weekdays.</summary>
    Leisure,
}

/// <summary>The hidden weekly rhythm of a place: a weight per local hour of the week (Monday 00:00 is hour 0), averaging 1.</summary>
public static class FillPattern
{
    public static double[] Weights(BinPlace place)
    {
        var weights = new double[7 * 24];
        for (var day = 0; day < 7; day++)
        {
            for (var hour = 0; hour < 24; hour++)
                weights[day * 24 + hour] = Hour(place, hour) * Day(place, day);
        }
        var mean = weights.Average();
        for (var h = 0; h < weights.Length; h++)
            weights[h] /= mean;
        return weights;
    }

    private static double Hour(BinPlace place, int hour) => place switch
    {
        BinPlace.Residential => hour switch { < 6 => 0.15, < 7 => 0.6, < 10 => 1.6, < 18 => 0.9, < 23 => 2.0, _ => 0.5 },
        BinPlace.Commercial => hour switch { < 7 => 0.1, < 9 => 0.8, < 20 => 2.0, < 22 => 0.8, _ => 0.2 },
        _ => hour switch { < 8 => 0.1, < 12 => 0.6, < 21 => 2.0, < 23 => 1.0, _ => 0.3 },
    };

    /// <summary>Monday is day 0.</summary>
    private static double Day(BinPlace place, int day) => place switch
    {
        BinPlace.Residential => day >= 5 ? 1.3 : 1.0,
        BinPlace.Commercial => day switch { 6 => 0.3, 5 => 1.2, _ => 1.0 },
        _ => day >= 5 ? 2.2 : 0.8,
    };
}
