namespace CityTwin.Domain.Bins;

/// <summary>
/// One message from a bin's device; every field is optional (a message with none is a heartbeat).
/// The fill comes from <see cref="DistanceCm"/> (ultrasonic, lid to waste surface) or, when the device
/// computes it itself, <see cref="FillingLevel"/>; a load cell adds <see cref="CargoWeightKg"/>.
/// <see cref="CollectionId"/> is set when the bin's RFID reader saw a truck empty it.
/// <see cref="Wet"/> or <see cref="HumidityPercent"/> tell that it is wet (rain, condensation), when
/// ultrasonic sensors are known to misbehave.
/// </summary>
public sealed record BinReading
{
    public double? DistanceCm { get; init; }
    public double? FillingLevel { get; init; }
    public double? CargoWeightKg { get; init; }
    public double? TemperatureCelsius { get; init; }
    public bool? LidOpen { get; init; }
    public double? TiltDegrees { get; init; }
    public string? CollectionId { get; init; }
    public bool? Wet { get; init; }
    public double? HumidityPercent { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
}
