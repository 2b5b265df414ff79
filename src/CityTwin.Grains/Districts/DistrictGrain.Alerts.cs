using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Alerts;
using CityTwin.Domain.Common;
using CityTwin.Grains.Districts.Alerts;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Districts;

/// <summary>Alerts: the domain's <see cref="AlertBook"/> fed from signals; notices go to <see cref="AlertWebhooks"/>.</summary>
public sealed partial class DistrictGrain
{
    private readonly AlertOptions alertOptions;
    private readonly AlertWebhooks webhooks;
    private AlertSettings alertSettings = new();

    private AlertBook Alerts => Coordination.Alerts;

    private void StartAlerts()
    {
        alertSettings = new AlertSettings { EscalateAfter = alertOptions.EscalateAfter, MaxEscalations = alertOptions.MaxEscalations };
        this.RegisterGrainTimer(
            _ => TickAlerts(),
            new GrainTimerCreationOptions(alertOptions.TickInterval, alertOptions.TickInterval) { KeepAlive = true });
    }

    private void AlertsHear(AssetNotification notification)
    {
        var notices = new List<AlertNotice>();
        foreach (var signal in notification.Signals)
        {
            var twinSignal = new AlertSignal(notification.AssetId, SignalMapping.ToDomain(signal.Kind), signal.Code, signal.Detail, notification.At);
            if (AlertRules.Match(twinSignal.Kind, twinSignal.Code) is null)
                continue;
            notices.AddRange(Alerts.Apply(twinSignal, alertSettings));
            CoordinationChanged();
        }
        Deliver(notices);
    }

    public Task<IReadOnlyList<AlertView>> ListAlerts(bool includeCleared)
    {
        var alerts = includeCleared ? Alerts.Active.Concat(Alerts.Cleared) : Alerts.Active;
        return Task.FromResult<IReadOnlyList<AlertView>>(
            [.. alerts.OrderByDescending(a => a.LastSeenAt).ThenByDescending(a => a.Id).Select(AlertViews.Of)]);
    }

    public async Task<CommandResult> AcknowledgeAlert(long alertId, string by)
    {
        var violations = Alerts.Acknowledge(alertId, by, clock.Now);
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteCoordinationThroughAsync();
        FeedAlertAcknowledged(alertId);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ResolveAlert(long alertId, string by, string? note)
    {
        var (violations, notices) = Alerts.Resolve(alertId, by, clock.Now, note);
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteCoordinationThroughAsync();
        Deliver(notices);
        return CommandResult.Ok;
    }

    public async Task<long> RaiseCitizenReport(string assetId, string reportKind, string? description)
    {
        var detail = string.IsNullOrWhiteSpace(description) ? reportKind : $"{reportKind}: {description.Trim()}";
        var (alert, notices) = Alerts.Report(assetId, detail, clock.Now, alertSettings);
        await WriteCoordinationThroughAsync();
        Deliver(notices);
        return alert.Id;
    }

    public async Task<CommandResult> SetMaintenance(MaintenanceRequest window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var violations = Alerts.AddMaintenance(
            new MaintenanceWindow(window.Id, window.AssetId, window.From, window.Until, window.SetBy, window.Reason));
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteCoordinationThroughAsync();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> EndMaintenance(string windowId)
    {
        if (!Alerts.EndMaintenance(windowId, clock.Now))
            return CommandResult.Rejected("windowId", $"no maintenance window '{windowId}' in district '{DistrictId}'");
        await WriteCoordinationThroughAsync();
        await TickAlerts();
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<MaintenanceRequest>> ListMaintenance() =>
        Task.FromResult<IReadOnlyList<MaintenanceRequest>>(
            [.. Alerts.Maintenance.Select(w => new MaintenanceRequest(w.Id, w.AssetId, w.From, w.Until, w.SetBy, w.Reason))]);

    public Task TickAlerts()
    {
        var maintenance = Alerts.Maintenance.Count;
        var notices = Alerts.Tick(clock.Now, alertSettings);
        if (notices.Count > 0 || maintenance != Alerts.Maintenance.Count)
            CoordinationChanged();
        Deliver(notices);
        return Task.CompletedTask;
    }

    private void Deliver(IReadOnlyList<AlertNotice> notices)
    {
        if (notices.Count > 0)
            webhooks.Enqueue(DistrictId, notices);
        FeedAlerts(notices);
    }

    private static CommandResult Rejected(IEnumerable<RuleViolation> violations) =>
        CommandResult.Rejected([.. violations.Select(v => new FieldError(v.Field, v.Message))]);
}
