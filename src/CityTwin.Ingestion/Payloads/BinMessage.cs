using CityTwin.Contracts.Bins;

namespace CityTwin.Ingestion.Payloads;

/// <summary>A bin reading (FIWARE WasteContainer names). At least one measurement or event is present.</summary>
public sealed class BinMessage : ReadingMessage
{
    /// <summary>Ultrasonic distance lid to waste, cm.</summary>
    public double? DistanceCm { get; set; }
    /// <summary>0..1.</summary>
    public double? FillingLevel { get; set; }
    /// <summary>Load-cell weight, kg.</summary>
    public double? CargoWeight { get; set; }
    /// <summary>°C.</summary>
    public double? Temperature { get; set; }
    public bool? LidOpen { get; set; }
    public double? TiltDegrees { get; set; }
    /// <summary>The bin's own RFID record of a collection; the same id from the truck counts once.</summary>
    public string? CollectionId { get; set; }
    public bool? Wet { get; set; }
    public double? HumidityPercent { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    protected override void ValidateFields(FieldErrors errors)
    {
        if (DistanceCm is null && FillingLevel is null && CargoWeight is null && Temperature is null
            && LidOpen is null && TiltDegrees is null && CollectionId is null)
            errors.Add("fillingLevel", "a bin reading needs at least one of distanceCm, fillingLevel, cargoWeight, temperature, lidOpen, tiltDegrees, collectionId");
        errors.Range("distanceCm", DistanceCm, 0, 1000);
        errors.Range("fillingLevel", FillingLevel, 0, 1);
        errors.Range("cargoWeight", CargoWeight, 0, 20_000);
        errors.Range("temperature", Temperature, -60, 1000);
        errors.Range("tiltDegrees", TiltDegrees, 0, 180);
        errors.Range("humidityPercent", HumidityPercent, 0, 100);
        errors.Range("latitude", Latitude, -90, 90);
        errors.Range("longitude", Longitude, -180, 180);
        if (CollectionId is { Length: 0 or > 128 })
            errors.Add("collectionId", "must be 1 to 128 characters");
    }

    public override object ToTelemetry() => new BinTelemetry(
        DistanceCm, FillingLevel, CargoWeight, Temperature, LidOpen, TiltDegrees, CollectionId, Wet, HumidityPercent, Latitude, Longitude);
}
