using CityTwin.Contracts.Telemetry;

namespace CityTwin.Ingestion.Payloads;

/// <summary>
/// What every reading carries on the wire: the device's clock (<c>ts</c>, ISO 8601 with offset), its boot
/// epoch (<c>boot</c>) and a sequence number within the boot (<c>seq</c>). In a gateway batch each reading
/// also names its <c>assetId</c> (and may name its <c>kind</c>). Unknown fields are ignored, so newer
/// firmware does not break older hosts.
/// </summary>
public abstract class ReadingMessage
{
    public string? AssetId { get; set; }
    public string? Kind { get; set; }
    public DateTimeOffset? Ts { get; set; }
    public long? Boot { get; set; }
    public long? Seq { get; set; }

    /// <summary>Checks required fields and physical ranges; adds what is wrong to <paramref name="errors"/>.</summary>
    public void Validate(FieldErrors errors)
    {
        errors.Require("ts", Ts);
        errors.Require("boot", Boot);
        errors.Require("seq", Seq);
        if (Boot < 0)
            errors.Add("boot", $"{Boot} must not be negative");
        if (Seq < 0)
            errors.Add("seq", $"{Seq} must not be negative");
        ValidateFields(errors);
    }

    protected abstract void ValidateFields(FieldErrors errors);

    /// <summary>The reading as the twin's grain takes it; only after <see cref="Validate"/> found nothing.</summary>
    public abstract object ToTelemetry();

    public DeviceStamp ToStamp() => new(Ts!.Value, Boot!.Value, Seq!.Value);
}
