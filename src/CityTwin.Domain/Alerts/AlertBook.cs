using CityTwin.Domain.Common;

namespace CityTwin.Domain.Alerts;

/// <summary>
/// A district's alerts as plain rules over plain state (persisted with the district grain):
/// <list type="bullet">
/// <item>De-duplication: one alert per asset and type while it is active; a repeated raise only counts and
/// moves <see cref="Alert.LastSeenAt"/>. A clear for nothing active is ignored.</item>
/// <item>Escalation: an alert delivered but not acknowledged for <see cref="AlertSettings.EscalateAfter"/> is
/// escalated one severity up (to critical at most) and delivered again, at most
/// <see cref="AlertSettings.MaxEscalations"/> times; acknowledging stops it.</item>
/// <item>Maintenance: an alert raised while its asset (or district) is in a maintenance window is recorded but
/// not delivered, and no alert of an asset in maintenance is escalated. One cleared during the window is never
/// delivered; one still active when the window ends is delivered then. A clear of an alert that was delivered
/// before the window is delivered, so that receivers can close it.</item>
/// </list>
/// Time comes in with each call; <see cref="Tick"/> runs escalations and the ends of windows.
/// </summary>
public sealed class AlertBook
{
    /// <summary>Cleared alerts kept for history; the oldest go first.</summary>
    public const int MaxCleared = 500;

    public long NextId { get; set; } = 1;

    public List<Alert> Active { get; set; } = [];

    public List<Alert> Cleared { get; set; } = [];

    public List<MaintenanceWindow> Maintenance { get; set; } = [];

    /// <summary>
    /// The active alerts by asset and type, for <see cref="Find"/>: a district with thousands of active alerts
    /// hears a signal for each of them now and then, and a scan per signal made its turns slow. Not stored;
    /// rebuilt when <see cref="Active"/> is a new list (read from storage).
    /// </summary>
    private Dictionary<(string AssetId, AlertType Type), Alert>? activeByAsset;
    private List<Alert>? indexedActive;

    public bool InMaintenance(string assetId, DateTimeOffset at) => Maintenance.Count > 0 && Maintenance.Any(w => w.Covers(assetId, at));

    public Alert? Find(string assetId, AlertType type) => ActiveByAsset().GetValueOrDefault((assetId, type));

    private Dictionary<(string AssetId, AlertType Type), Alert> ActiveByAsset()
    {
        if (activeByAsset is null || !ReferenceEquals(indexedActive, Active))
        {
            activeByAsset = [];
            foreach (var alert in Active)
                activeByAsset.TryAdd((alert.AssetId, alert.Type), alert);
            indexedActive = Active;
        }
        return activeByAsset;
    }

    /// <summary>Takes one signal from an asset; returns what to deliver.</summary>
    public IReadOnlyList<AlertNotice> Apply(AlertSignal signal, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(settings);
        if (AlertRules.Match(signal.Kind, signal.Code) is not { } match)
            return [];

        var existing = Find(signal.AssetId, match.Type);
        if (match.Raises)
        {
            if (existing is not null)
            {
                existing.Occurrences++;
                existing.LastSeenAt = signal.At > existing.LastSeenAt ? signal.At : existing.LastSeenAt;
                existing.Detail = signal.Detail ?? existing.Detail;
                return [];
            }

            var alert = new Alert
            {
                Id = NextId++,
                AssetId = signal.AssetId,
                Type = match.Type,
                Severity = settings.SeverityOf(match.Type),
                FirstSeenAt = signal.At,
                LastSeenAt = signal.At,
                Occurrences = 1,
                Detail = signal.Detail,
            };
            Active.Add(alert);
            ActiveByAsset()[(alert.AssetId, alert.Type)] = alert;
            if (InMaintenance(signal.AssetId, signal.At))
                return [];
            alert.NotifiedAt = signal.At;
            return [new(AlertNoticeKind.Raised, alert.Copy(), signal.At)];
        }

        if (existing is null)
            return [];
        return Clear(existing, signal.At, signal.Detail);
    }

    /// <summary>
    /// A citizen's report about an asset: a <see cref="AlertType.CitizenReport"/> alert, de-duplicated like the
    /// others (a second report while one is active counts, moves <see cref="Alert.LastSeenAt"/> and takes the
    /// newer detail). Returns the alert (new or the active one) and what to deliver.
    /// </summary>
    public (Alert Alert, IReadOnlyList<AlertNotice> Notices) Report(string assetId, string detail, DateTimeOffset at, AlertSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        ArgumentNullException.ThrowIfNull(settings);
        if (Find(assetId, AlertType.CitizenReport) is { } existing)
        {
            existing.Occurrences++;
            existing.LastSeenAt = at > existing.LastSeenAt ? at : existing.LastSeenAt;
            existing.Detail = detail;
            return (existing.Copy(), []);
        }
        var alert = new Alert
        {
            Id = NextId++,
            AssetId = assetId,
            Type = AlertType.CitizenReport,
            Severity = settings.SeverityOf(AlertType.CitizenReport),
            FirstSeenAt = at,
            LastSeenAt = at,
            Occurrences = 1,
            Detail = detail,
        };
        Active.Add(alert);
        ActiveByAsset()[(alert.AssetId, alert.Type)] = alert;
        if (InMaintenance(assetId, at))
            return (alert.Copy(), []);
        alert.NotifiedAt = at;
        return (alert.Copy(), [new(AlertNoticeKind.Raised, alert.Copy(), at)]);
    }

    /// <summary>
    /// An operator closes an active alert by hand (dealt with outside the twin, or the twin will never clear it);
    /// receivers that heard of it are told it is cleared. If the condition is raised again it is a new alert.
    /// </summary>
    public (IReadOnlyList<RuleViolation> Violations, IReadOnlyList<AlertNotice> Notices) Resolve(long alertId, string by, DateTimeOffset at, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(by))
            return ([new("resolvedBy", "is required: who resolved the alert")], []);
        var alert = Active.FirstOrDefault(a => a.Id == alertId);
        if (alert is null)
            return ([new("alertId", Cleared.Any(a => a.Id == alertId) ? $"alert {alertId} is already cleared" : $"no alert {alertId}")], []);
        return ([], Clear(alert, at, note is null ? $"resolved by {by}" : $"resolved by {by}: {note}"));
    }

    private IReadOnlyList<AlertNotice> Clear(Alert alert, DateTimeOffset at, string? detail)
    {
        alert.ClearedAt = at;
        if (detail is not null)
            alert.Detail = detail;
        Active.Remove(alert);
        ActiveByAsset().Remove((alert.AssetId, alert.Type));
        Cleared.Add(alert);
        if (Cleared.Count > MaxCleared)
            Cleared.RemoveRange(0, Cleared.Count - MaxCleared);
        return alert.NotifiedAt is null ? [] : [new(AlertNoticeKind.Cleared, alert.Copy(), at)];
    }

    /// <summary>Escalates what has waited too long and delivers what a window that has ended held back.</summary>
    public IReadOnlyList<AlertNotice> Tick(DateTimeOffset now, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var notices = new List<AlertNotice>();
        foreach (var alert in Active)
        {
            if (InMaintenance(alert.AssetId, now))
                continue;
            if (alert.NotifiedAt is null)
            {
                alert.NotifiedAt = now;
                notices.Add(new(AlertNoticeKind.Raised, alert.Copy(), now));
                continue;
            }
            if (alert.AcknowledgedAt is not null || alert.Escalations >= settings.MaxEscalations)
                continue;
            var waitingSince = alert.LastEscalatedAt ?? alert.NotifiedAt.Value;
            if (now - waitingSince < settings.EscalateAfter)
                continue;
            alert.Escalations++;
            alert.LastEscalatedAt = now;
            if (alert.Severity < AlertSeverity.Critical)
                alert.Severity++;
            notices.Add(new(AlertNoticeKind.Escalated, alert.Copy(), now));
        }
        Maintenance.RemoveAll(w => w.Until <= now);
        return notices;
    }

    public IReadOnlyList<RuleViolation> Acknowledge(long alertId, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by))
            return [new("acknowledgedBy", "is required: who acknowledged the alert")];
        var alert = Active.FirstOrDefault(a => a.Id == alertId);
        if (alert is null)
            return [new("alertId", Cleared.Any(a => a.Id == alertId) ? $"alert {alertId} is already cleared" : $"no alert {alertId}")];
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = at;
            alert.AcknowledgedBy = by;
        }
        return [];
    }

    public IReadOnlyList<RuleViolation> AddMaintenance(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(window.Id))
            violations.Add(new("id", "is required"));
        else if (Maintenance.Any(w => w.Id == window.Id))
            violations.Add(new("id", $"a maintenance window '{window.Id}' exists already"));
        if (window.AssetId is { } asset && Identifiers.Check("assetId", asset) is { } badAsset)
            violations.Add(badAsset);
        if (window.Until <= window.From)
            violations.Add(new("until", $"{window.Until:O} is not after from {window.From:O}"));
        if (string.IsNullOrWhiteSpace(window.SetBy))
            violations.Add(new("setBy", "is required: who set the maintenance window"));
        if (violations.Count == 0)
            Maintenance.Add(window);
        return violations;
    }

    /// <summary>Ends a window early; what it held back is delivered at the next <see cref="Tick"/>.</summary>
    public bool EndMaintenance(string id, DateTimeOffset at)
    {
        var index = Maintenance.FindIndex(w => w.Id == id);
        if (index < 0)
            return false;
        var window = Maintenance[index];
        Maintenance[index] = window with { Until = at < window.Until ? at : window.Until };
        return true;
    }
}
