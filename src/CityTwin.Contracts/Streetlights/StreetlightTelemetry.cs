namespace CityTwin.Contracts.Streetlights;

[GenerateSerializer, Alias("citytwin.LightPowerState")]
public enum LightPowerState
{
    On,
    Off,
    Low,
}

/// <summary>One streetlight reading (FIWARE Streetlight attribute names); every field optional.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.StreetlightTelemetry")]
public sealed record StreetlightTelemetry(
    [property: Id(0)] LightPowerState? PowerState = null,
    [property: Id(1)] double? IlluminanceLevel = null,
    [property: Id(2)] double? PowerConsumption = null,
    [property: Id(3)] double? AmbientLux = null,
    [property: Id(4)] bool? PresenceDetected = null);
