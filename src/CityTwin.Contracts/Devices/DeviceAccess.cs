using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Devices;

[GenerateSerializer, Alias("citytwin.DeviceRole")]
public enum DeviceRole
{
    /// <summary>Speaks for the asset(s) provisioned with it, on their own topics.</summary>
    Device,
    /// <summary>Speaks for many assets of one district, in batches on its own topic.</summary>
    Gateway,
}

/// <summary>An asset a device or gateway speaks for: set when the asset is provisioned with that device id.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.DeviceBinding")]
public sealed record DeviceBinding(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] string DistrictId);

/// <summary>
/// What the broker needs to admit a device and check its topics: its role, its district (gateways), the
/// assets it speaks for and its secret's keyed hash (never the secret). <see cref="Version"/> moves on every
/// credential change, so a broker can tell a stale session.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.DeviceAccess")]
public sealed record DeviceAccess(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] DeviceRole Role,
    [property: Id(2)] string? GatewayDistrictId,
    [property: Id(3)] IReadOnlyList<DeviceBinding> Assets,
    [property: Id(4)] string? SecretHash,
    [property: Id(5)] long Version);

/// <summary>A secret issued to a device: shown this once, stored only as a keyed hash.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.IssuedCredential")]
public sealed record IssuedCredential(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Secret);
