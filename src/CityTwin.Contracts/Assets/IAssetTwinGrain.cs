using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Assets;

/// <summary>
/// The lifecycle every asset twin shares, keyed by asset id. Provisioning and lifecycle changes are
/// written through before they are acknowledged. Reads interleave: they never wait behind a write.
/// </summary>
[Alias("citytwin.IAssetTwinGrain")]
public interface IAssetTwinGrain : IGrainWithStringKey
{
    /// <summary>Provisions the asset, or updates its record when it is already this kind's.</summary>
    [Alias("Provision")]
    Task<CommandResult> Provision(AssetProvision provision);

    /// <summary>Another device now reports for the asset; the twin and its history stay.</summary>
    [Alias("ReplaceDevice")]
    Task<CommandResult> ReplaceDevice(string deviceId);

    [Alias("MoveToDistrict")]
    Task<CommandResult> MoveToDistrict(string districtId);

    /// <summary>Stops accepting readings; the record stays until <see cref="Delete"/>.</summary>
    [Alias("Decommission")]
    Task<CommandResult> Decommission();

    /// <summary>Removes a decommissioned asset's record and state.</summary>
    [Alias("Delete")]
    Task<CommandResult> Delete();

    /// <summary>
    /// The device's presence as its status topic says (retained <c>online</c>, <c>offline</c> as its will),
    /// kept in <see cref="TwinStatus.DeviceOnline"/>. Coming back online makes the twin re-send any command
    /// the device has not confirmed.
    /// </summary>
    [Alias("ReportPresence")]
    Task ReportPresence(bool online);

    [Alias("GetRecord"), AlwaysInterleave]
    Task<AssetRecord?> GetRecord();

    [Alias("GetStatus"), AlwaysInterleave]
    Task<TwinStatus> GetStatus();

    /// <summary>Status, record and the kind's own state in one call.</summary>
    [Alias("GetView"), AlwaysInterleave]
    Task<TwinView> GetView();

    /// <summary>
    /// Asked by the district when the twin's staleness deadline has passed: marks the twin stale if it
    /// is overdue and returns its next deadline (null when it is no longer watched).
    /// </summary>
    [Alias("CheckStaleness")]
    Task<DateTimeOffset?> CheckStaleness();

    /// <summary>
    /// Asked by a district that lost its live picture (reactivated while its twins stayed active): the twin enrols
    /// again with its picture and raised conditions, as it does whenever it activates.
    /// </summary>
    [Alias("Reenroll"), OneWay]
    Task Reenroll();
}
