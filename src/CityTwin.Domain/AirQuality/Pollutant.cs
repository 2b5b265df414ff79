namespace CityTwin.Domain.AirQuality;

/// <summary>The pollutants our sensors measure; camelCase names are the FIWARE AirQualityObserved attributes.</summary>
public enum Pollutant
{
    Pm25,
    Pm10,
    No2,
    O3,
}
