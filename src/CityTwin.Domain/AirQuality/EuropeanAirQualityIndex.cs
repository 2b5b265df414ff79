namespace CityTwin.Domain.AirQuality;

/// <summary>
/// The European Air Quality Index of the EEA, in the revision aligned with the WHO 2021 guidelines:
/// ETC HE Report 2024/17, "EEA's revision of the European air quality index bands", Table 5.2
/// (https://www.eionet.europa.eu/etcs/etc-he/products/etc-he-products/etc-he-reports/etc-he-report-2024-17-eeas-revision-of-the-european-air-quality-index-bands),
/// as served by https://airindex.eea.europa.eu/AQI/index.html.
/// <para>
/// Every pollutant is classed on its hourly mean concentration in µg/m³. (The 2017 index used 24-hour
/// running means for PM2.5 and PM10; the revision moved PM to hourly values.) The overall level is the
/// worst level of any pollutant measured.
/// </para>
/// <para>
/// The published table gives ranges such as 0-5, 5-15 without saying which band owns the shared edge; here
/// a value equal to an upper bound belongs to the lower band, so PM2.5 of exactly 5 µg/m³ is good.
/// </para>
/// </summary>
public static class EuropeanAirQualityIndex
{
    // Upper bounds of good, fair, moderate, poor and very poor; anything above is extremely poor.
    private static readonly double[] Pm25Bounds = [5, 15, 50, 90, 140];
    private static readonly double[] Pm10Bounds = [15, 45, 120, 195, 270];
    private static readonly double[] No2Bounds = [10, 25, 60, 100, 150];
    private static readonly double[] O3Bounds = [60, 100, 120, 160, 180];

    /// <summary>Upper bounds, µg/m³, of the first five levels for a pollutant.</summary>
    public static IReadOnlyList<double> UpperBounds(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => Pm25Bounds,
        Pollutant.Pm10 => Pm10Bounds,
        Pollutant.No2 => No2Bounds,
        Pollutant.O3 => O3Bounds,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "no EAQI band"),
    };

    /// <summary>The level of an hourly mean concentration, µg/m³.</summary>
    public static AirQualityLevel LevelOf(Pollutant pollutant, double concentration)
    {
        var bounds = UpperBounds(pollutant);
        for (var i = 0; i < bounds.Count; i++)
        {
            if (concentration <= bounds[i])
                return AirQualityLevel.Good + i;
        }
        return AirQualityLevel.ExtremelyPoor;
    }
}
