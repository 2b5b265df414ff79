namespace CityTwin.Contracts.Streetlights;

/// <summary>A streetlight as its twin sees it now: reported and desired state, faults, energy, recent history.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.StreetlightTwin")]
public sealed record StreetlightTwin(
    [property: Id(0)] string AssetId,
    [property: Id(1)] LightPowerState? PowerState,
    [property: Id(2)] double? IlluminanceLevel,
    [property: Id(3)] double? PowerConsumption,
    [property: Id(4)] double? AmbientLux,
    [property: Id(5)] bool? PresenceDetected,
    /// <summary>ok, defectiveLamp or columnIssue.</summary>
    [property: Id(6)] string Status,
    [property: Id(7)] double? DesiredLevel,
    [property: Id(8)] DateTimeOffset? DesiredLevelIssuedAt,
    [property: Id(9)] bool DesiredLevelConfirmed,
    [property: Id(10)] double EnergyUsedKwh,
    [property: Id(11)] double FullPowerEnergyKwh,
    [property: Id(12)] DateTimeOffset? LastReadingAt,
    [property: Id(13)] IReadOnlyList<LightSample> History);

[Immutable, GenerateSerializer, Alias("citytwin.LightSample")]
public sealed record LightSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Level,
    [property: Id(2)] double Watts);
