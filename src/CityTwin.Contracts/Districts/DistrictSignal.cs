namespace CityTwin.Contracts.Districts;

[GenerateSerializer, Alias("citytwin.SignalKind")]
public enum SignalKind
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
/// Something that changes the district's picture. A raised condition and its clearing carry the same
/// <see cref="Code"/> (<c>fillingLevel&gt;=threshold</c>, <c>sensor.failed</c>, <c>fire</c>, <c>stale</c>).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.DistrictSignal")]
public sealed record DistrictSignal(
    [property: Id(0)] SignalKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Detail)
{
    /// <summary>True for the kinds that start a condition; their counterparts end it.</summary>
    public bool Raises => Kind is SignalKind.ThresholdCrossed or SignalKind.FaultRaised or SignalKind.BecameStale;

    public bool Clears => Kind is SignalKind.ThresholdCleared or SignalKind.FaultCleared or SignalKind.BackOnline;
}

/// <summary>
/// What one twin tells its district at one moment: only significant changes, never every reading.
/// <see cref="NextDeadline"/> comes with a twin that is back online: when to look at it again.
/// <see cref="Picture"/> comes when one of the twin's bands changed: its whole picture now.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetNotification")]
public sealed record AssetNotification(
    [property: Id(0)] string AssetId,
    [property: Id(1)] Assets.AssetKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] IReadOnlyList<DistrictSignal> Signals,
    [property: Id(4)] DateTimeOffset? NextDeadline = null,
    [property: Id(5)] AssetPicture? Picture = null);
