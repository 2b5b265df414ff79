namespace CityTwin.Contracts.AirQuality;

/// <summary>
/// One air-quality reading under FIWARE AirQualityObserved names. Concentrations are µg/m³; a sensor sends
/// only what it measures, and at least one of pm25, pm10, no2, o3 must be present.
/// </summary>
/// <param name="Temperature">°C.</param>
/// <param name="RelativeHumidity">
/// Percent (0..100), as devices send it; the twin shows it as FIWARE does, 0..1.
/// </param>
[Immutable, GenerateSerializer, Alias("citytwin.AirQualityTelemetry")]
public sealed record AirQualityTelemetry(
    [property: Id(0)] double? Pm25 = null,
    [property: Id(1)] double? Pm10 = null,
    [property: Id(2)] double? No2 = null,
    [property: Id(3)] double? O3 = null,
    [property: Id(4)] double? Temperature = null,
    [property: Id(5)] double? RelativeHumidity = null);
