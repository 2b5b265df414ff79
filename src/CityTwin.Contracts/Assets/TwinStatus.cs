namespace CityTwin.Contracts.Assets;

/// <summary>
/// What every twin knows whatever its kind: its record, when it last heard from its device, its counters,
/// and its device's presence as its status topic last said it (null before it said anything).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.TwinStatus")]
public sealed record TwinStatus(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] AssetLifecycle Lifecycle,
    [property: Id(3)] string? DistrictId,
    [property: Id(4)] DateTimeOffset? LastHeardAt,
    [property: Id(5)] bool Stale,
    [property: Id(6)] DateTimeOffset? StaleSince,
    [property: Id(7)] ReadingCounts Readings,
    [property: Id(8)] bool UnsavedChanges,
    [property: Id(9)] bool? DeviceOnline);

/// <summary>How many readings a twin applied, ignored as duplicates, kept out as late, or refused.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.ReadingCounts")]
public sealed record ReadingCounts(
    [property: Id(0)] long Applied,
    [property: Id(1)] long Duplicates,
    [property: Id(2)] long Late,
    [property: Id(3)] long Rejected);
