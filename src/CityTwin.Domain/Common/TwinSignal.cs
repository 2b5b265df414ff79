namespace CityTwin.Domain.Common;

/// <summary>The kinds of thing a twin tells its district about.</summary>
public enum TwinSignalKind
{
    ThresholdCrossed,
    ThresholdCleared,
    FaultRaised,
    FaultCleared,
    BecameStale,
    BackOnline,
    PredictionMoved,
}

/// <summary>
/// Something a twin tells its district. <see cref="Code"/> is stable and machine-readable
/// (<c>fillingLevel&gt;=0.8</c>, <c>sensor.failed</c>, <c>fire</c>, <c>stale</c>); a raised fault and
/// its clearing carry the same code, so a district can keep counts by code. <see cref="Detail"/> is
/// for people (a value, a reason) and may change between releases.
/// </summary>
public sealed record TwinSignal(TwinSignalKind Kind, string Code, string? Detail = null);
