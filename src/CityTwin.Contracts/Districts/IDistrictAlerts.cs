using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// A district's alerts, raised and cleared by its twins' signals, delivered to the configured webhooks. Every
/// change an operator makes is written through before it is acknowledged.
/// </summary>
[Alias("citytwin.IDistrictAlerts")]
public interface IDistrictAlerts : IGrainWithStringKey
{
    /// <summary>Active alerts, and the most recent cleared ones when <paramref name="includeCleared"/>; newest first.</summary>
    [Alias("ListAlerts"), AlwaysInterleave]
    Task<IReadOnlyList<AlertView>> ListAlerts(bool includeCleared);

    /// <summary>Stops an alert's escalation.</summary>
    [Alias("AcknowledgeAlert")]
    Task<CommandResult> AcknowledgeAlert(long alertId, string by);

    /// <summary>Clears an alert by hand (its condition was dealt with outside the twin); receivers are told.</summary>
    [Alias("ResolveAlert")]
    Task<CommandResult> ResolveAlert(long alertId, string by, string? note);

    /// <summary>Holds back the alerts of an asset (or, with no asset, the whole district) for a period.</summary>
    [Alias("SetMaintenance")]
    Task<CommandResult> SetMaintenance(MaintenanceRequest window);

    /// <summary>Ends a maintenance window early; what it held back and is still active is delivered.</summary>
    [Alias("EndMaintenance")]
    Task<CommandResult> EndMaintenance(string windowId);

    /// <summary>
    /// A citizen's report about <paramref name="assetId"/> (the nearest asset of its kind, found by the caller):
    /// raises a <c>citizenReport</c> alert on it, or folds into the one already active; returns that alert's id.
    /// </summary>
    [Alias("RaiseCitizenReport")]
    Task<long> RaiseCitizenReport(string assetId, string reportKind, string? description);

    [Alias("ListMaintenance"), AlwaysInterleave]
    Task<IReadOnlyList<MaintenanceRequest>> ListMaintenance();

    /// <summary>Runs escalations and the ends of maintenance windows now (a grain timer also runs them).</summary>
    [Alias("TickAlerts")]
    Task TickAlerts();
}

[Immutable, GenerateSerializer, Alias("citytwin.AlertView")]
public sealed record AlertView(
    [property: Id(0)] long Id,
    [property: Id(1)] string AssetId,
    /// <summary>binFull, binOnFire, sensorFailed, lampDefective, lightColumnFault, deviceStale, intersectionGridlocked, truckBrokenDown, airQualityPoor, citizenReport.</summary>
    [property: Id(2)] string Type,
    /// <summary>info, warning, major, critical.</summary>
    [property: Id(3)] string Severity,
    [property: Id(4)] DateTimeOffset FirstSeenAt,
    [property: Id(5)] DateTimeOffset LastSeenAt,
    [property: Id(6)] int Occurrences,
    [property: Id(7)] string? Detail,
    [property: Id(8)] DateTimeOffset? ClearedAt,
    [property: Id(9)] DateTimeOffset? NotifiedAt,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt,
    [property: Id(11)] string? AcknowledgedBy,
    [property: Id(12)] int Escalations);

/// <summary>A maintenance window: <see cref="AssetId"/> null covers the whole district.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.MaintenanceRequest")]
public sealed record MaintenanceRequest(
    [property: Id(0)] string Id,
    [property: Id(1)] string? AssetId,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset Until,
    [property: Id(4)] string SetBy,
    [property: Id(5)] string? Reason = null);
