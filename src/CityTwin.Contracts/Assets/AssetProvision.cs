namespace CityTwin.Contracts.Assets;

/// <summary>
/// Everything needed before an asset's readings count: where it is, which device reports for it and
/// its kind's parameters. <see cref="Spec"/>'s kind must match <see cref="Kind"/>.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetProvision")]
public sealed record AssetProvision(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] string DistrictId,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] string DeviceId,
    [property: Id(5)] AssetSpec Spec,
    [property: Id(6)] string? RoadSegmentId = null);

[GenerateSerializer, Alias("citytwin.AssetLifecycle")]
public enum AssetLifecycle
{
    /// <summary>No record: readings are refused and nothing is created.</summary>
    Unprovisioned,
    Active,
    /// <summary>Refuses readings; the record and history stay until deleted.</summary>
    Decommissioned,
}

/// <summary>An asset's provisioning record and where it stands in its lifecycle.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetRecord")]
public sealed record AssetRecord(
    [property: Id(0)] AssetProvision Provision,
    [property: Id(1)] AssetLifecycle Lifecycle,
    [property: Id(2)] DateTimeOffset ProvisionedAt,
    [property: Id(3)] DateTimeOffset? DecommissionedAt);
