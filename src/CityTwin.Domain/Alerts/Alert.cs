namespace CityTwin.Domain.Alerts;

/// <summary>One alert: a condition of one asset, from first seen to cleared. Plain data, persisted with the district.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    public string AssetId { get; set; } = "";

    public AlertType Type { get; set; }

    /// <summary>The severity now: the rule's, raised by escalations.</summary>
    public AlertSeverity Severity { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The latest raising signal; repeats of an active alert only move this.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Raising signals folded into this alert, the first included.</summary>
    public int Occurrences { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    /// <summary>When it was first delivered; null while a maintenance window has held it back.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public int Escalations { get; set; }

    public DateTimeOffset? LastEscalatedAt { get; set; }

    public bool IsActive => ClearedAt is null;

    public Alert Copy() => (Alert)MemberwiseClone();
}

public enum AlertNoticeKind
{
    /// <summary>A new alert, or one a maintenance window held back whose condition outlasted it.</summary>
    Raised,
    Escalated,
    Cleared,
}

/// <summary>Something to deliver (to webhooks): a snapshot of the alert at <paramref name="At"/>.</summary>
public sealed record AlertNotice(AlertNoticeKind Kind, Alert Alert, DateTimeOffset At);

/// <summary>
/// A maintenance window: while it is open, raising an alert of <see cref="AssetId"/> (or of any asset of the
/// district, when null) is recorded but not delivered, and such alerts are not escalated.
/// </summary>
public sealed record MaintenanceWindow(string Id, string? AssetId, DateTimeOffset From, DateTimeOffset Until, string SetBy, string? Reason = null)
{
    public bool Covers(string assetId, DateTimeOffset at) => (AssetId is null || AssetId == assetId) && From <= at && at < Until;
}
