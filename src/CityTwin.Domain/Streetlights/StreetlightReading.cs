namespace CityTwin.Domain.Streetlights;

/// <summary>
/// One report from a streetlight node; every field is optional, but a reading must carry at least one.
/// Names follow the FIWARE Streetlight model where it has the attribute.
/// </summary>
/// <param name="PowerState">What the node says it is doing; derived from the level when absent.</param>
/// <param name="IlluminanceLevel">The level the driver is set to, 0..1.</param>
/// <param name="PowerConsumption">Measured input power, W.</param>
/// <param name="AmbientLux">Daylight sensor, lux.</param>
/// <param name="PresenceDetected">Motion sensor.</param>
public sealed record StreetlightReading(
    PowerState? PowerState = null,
    double? IlluminanceLevel = null,
    double? PowerConsumption = null,
    double? AmbientLux = null,
    bool? PresenceDetected = null);
