using CityTwin.Contracts.Streetlights;

namespace CityTwin.Ingestion.Payloads;

/// <summary>A streetlight reading (FIWARE Streetlight names); <c>powerState</c> is on, off or low.</summary>
public sealed class StreetlightMessage : ReadingMessage
{
    public LightPowerState? PowerState { get; set; }
    /// <summary>0..1.</summary>
    public double? IlluminanceLevel { get; set; }
    /// <summary>W.</summary>
    public double? PowerConsumption { get; set; }
    public double? AmbientLux { get; set; }
    public bool? PresenceDetected { get; set; }

    protected override void ValidateFields(FieldErrors errors)
    {
        if (PowerState is null && IlluminanceLevel is null && PowerConsumption is null && AmbientLux is null && PresenceDetected is null)
            errors.Add("powerState", "a streetlight reading needs at least one of powerState, illuminanceLevel, powerConsumption, ambientLux, presenceDetected");
        errors.Enum("powerState", PowerState);
        errors.Range("illuminanceLevel", IlluminanceLevel, 0, 1);
        errors.Range("powerConsumption", PowerConsumption, 0, 10_000);
        errors.Range("ambientLux", AmbientLux, 0, 200_000);
    }

    public override object ToTelemetry() =>
        new StreetlightTelemetry(PowerState, IlluminanceLevel, PowerConsumption, AmbientLux, PresenceDetected);
}
