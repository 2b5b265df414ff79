namespace CityTwin.Domain.Common;

/// <summary>
/// Where a reading sits in its device's stream: the device's own clock, which boot of the device sent it
/// (a number that only grows, e.g. a boot counter kept in flash), and its sequence number within that boot.
/// Ordering is by (<see cref="BootEpoch"/>, <see cref="Sequence"/>); <see cref="DeviceTime"/> is the time the
/// measurement was taken and is checked against the server clock.
/// </summary>
public readonly record struct ReadingStamp(DateTimeOffset DeviceTime, long BootEpoch, long Sequence);
