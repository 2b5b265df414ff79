using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Devices;

/// <summary>
/// A device or gateway, keyed by its id (also its MQTT user name and client id). Holds its credential
/// (a keyed hash) and the assets it may speak for; every change is written through before it is
/// acknowledged, and brokers are told at once so a revoked device is cut off.
/// </summary>
[Alias("citytwin.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Makes this id a gateway of one district (assets provisioned with it are its own).</summary>
    [Alias("DeclareGateway")]
    Task<CommandResult> DeclareGateway(string districtId);

    /// <summary>Issues the first secret. Refused when the device already has one: rotate it instead.</summary>
    [Alias("IssueCredential")]
    Task<CredentialResult> IssueCredential();

    /// <summary>A new secret replaces the old one; sessions on the old one are disconnected.</summary>
    [Alias("RotateCredential")]
    Task<CredentialResult> RotateCredential();

    /// <summary>Removes the credential and disconnects the live session at once.</summary>
    [Alias("RevokeCredential")]
    Task<CommandResult> RevokeCredential();

    /// <summary>Called by an asset's twin when it is provisioned, moved or handed to this device.</summary>
    [Alias("Bind")]
    Task Bind(DeviceBinding binding);

    /// <summary>Called by an asset's twin when it leaves this device; the last asset of a device revokes it.</summary>
    [Alias("Unbind")]
    Task Unbind(string assetId);

    [Alias("GetAccess"), AlwaysInterleave]
    Task<DeviceAccess> GetAccess();
}

/// <summary>The secret when one was issued, else why not.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CredentialResult")]
public sealed record CredentialResult(
    [property: Id(0)] IssuedCredential? Credential,
    [property: Id(1)] IReadOnlyList<FieldError> Errors)
{
    public bool Issued => Credential is not null;
}
