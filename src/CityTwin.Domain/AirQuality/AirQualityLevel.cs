namespace CityTwin.Domain.AirQuality;

/// <summary>The six levels of the European Air Quality Index, best first; the number is the index (1..6).</summary>
public enum AirQualityLevel
{
    Good = 1,
    Fair,
    Moderate,
    Poor,
    VeryPoor,
    ExtremelyPoor,
}
