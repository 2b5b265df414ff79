using CityTwin.Contracts.AirQuality;

namespace CityTwin.Ingestion.Payloads;

/// <summary>An air-quality reading (FIWARE AirQualityObserved names), µg/m³; at least one pollutant.</summary>
public sealed class AirQualityMessage : ReadingMessage
{
    public double? Pm25 { get; set; }
    public double? Pm10 { get; set; }
    public double? No2 { get; set; }
    public double? O3 { get; set; }
    /// <summary>°C.</summary>
    public double? Temperature { get; set; }
    /// <summary>Percent, 0..100.</summary>
    public double? RelativeHumidity { get; set; }

    protected override void ValidateFields(FieldErrors errors)
    {
        if (Pm25 is null && Pm10 is null && No2 is null && O3 is null)
            errors.Add("pm25", "an air-quality reading needs at least one of pm25, pm10, no2, o3");
        errors.Range("pm25", Pm25, 0, 1_000);
        errors.Range("pm10", Pm10, 0, 2_000);
        errors.Range("no2", No2, 0, 2_000);
        errors.Range("o3", O3, 0, 2_000);
        errors.Range("temperature", Temperature, -60, 70);
        errors.Range("relativeHumidity", RelativeHumidity, 0, 100);
    }

    public override object ToTelemetry() => new AirQualityTelemetry(Pm25, Pm10, No2, O3, Temperature, RelativeHumidity);
}
