namespace CityTwin.Domain.AirQuality;

/// <summary>
/// One report from an air-quality sensor. Concentrations in µg/m³ under FIWARE AirQualityObserved names;
/// at least one pollutant must be present.
/// </summary>
/// <param name="Temperature">°C.</param>
/// <param name="RelativeHumidityPercent">0..100 %, as devices send it (FIWARE's relativeHumidity is 0..1).</param>
public sealed record AirQualityReading(
    double? Pm25 = null,
    double? Pm10 = null,
    double? No2 = null,
    double? O3 = null,
    double? Temperature = null,
    double? RelativeHumidityPercent = null)
{
    internal double? ValueOf(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => Pm25,
        Pollutant.Pm10 => Pm10,
        Pollutant.No2 => No2,
        Pollutant.O3 => O3,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "not measured"),
    };
}
