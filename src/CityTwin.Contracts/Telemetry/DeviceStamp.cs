namespace CityTwin.Contracts.Telemetry;

/// <summary>
/// What every reading carries so that redeliveries are recognised and a rebooted device starts afresh:
/// the device's clock, its boot epoch (increases at every boot) and a sequence number within the boot.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.DeviceStamp")]
public sealed record DeviceStamp(
    [property: Id(0)] DateTimeOffset DeviceTime,
    [property: Id(1)] long BootEpoch,
    [property: Id(2)] long Sequence);
