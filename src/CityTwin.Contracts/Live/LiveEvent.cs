using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;

namespace CityTwin.Contracts.Live;

/// <summary>
/// One change in a district, numbered: ids grow monotonically per district (each activation starts above
/// the last, from its start time). <see cref="Type"/> says which part is set: <c>twin</c> (<see cref="Twin"/>),
/// <c>alert</c> (<see cref="Alert"/>) or <c>plan</c> (<see cref="Plan"/>).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] long Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] LiveTwinChange? Twin = null,
    [property: Id(4)] LiveAlertChange? Alert = null,
    [property: Id(5)] LivePlanChange? Plan = null);

/// <summary>
/// A twin's significant change as its district heard it: its bands now (when one moved) and the conditions
/// it raised or cleared. The dictionaries are the notification's own, shared, never copied.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.LiveTwinChange")]
public sealed record LiveTwinChange(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Bands,
    [property: Id(3)] IReadOnlyList<DistrictSignal> Signals);

/// <param name="Change">raised, escalated, cleared, acknowledged or resolved.</param>
[Immutable, GenerateSerializer, Alias("citytwin.LiveAlertChange")]
public sealed record LiveAlertChange(
    [property: Id(0)] string Change,
    [property: Id(1)] AlertView Alert);

/// <param name="Plan"><c>collection</c> or <c>dimming</c>.</param>
/// <param name="PlanId">The collection plan's id; null for dimming.</param>
/// <param name="Summary">A line for people: what changed.</param>
[Immutable, GenerateSerializer, Alias("citytwin.LivePlanChange")]
public sealed record LivePlanChange(
    [property: Id(0)] string Plan,
    [property: Id(1)] string? PlanId,
    [property: Id(2)] string Summary);

/// <summary>What one read returns: a snapshot when the reader had to start over, then events, oldest first.</summary>
/// <param name="LatestId">The newest id the district has numbered (the snapshot's id when nothing came after).</param>
[Immutable, GenerateSerializer, Alias("citytwin.LiveFeedPage")]
public sealed record LiveFeedPage(
    [property: Id(0)] long LatestId,
    [property: Id(1)] LiveSnapshot? Snapshot,
    [property: Id(2)] IReadOnlyList<LiveEvent> Events);

/// <summary>The district as it is at event <see cref="Id"/>: its picture and every enrolled asset's bands.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.LiveSnapshot")]
public sealed record LiveSnapshot(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DistrictPictureView Picture,
    [property: Id(3)] IReadOnlyList<LiveAssetState> Assets,
    [property: Id(4)] IReadOnlyList<AlertView> ActiveAlerts);

/// <summary>An asset's kind and its bands now (empty before its first report).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.LiveAssetState")]
public sealed record LiveAssetState(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] IReadOnlyDictionary<string, string> Bands);
