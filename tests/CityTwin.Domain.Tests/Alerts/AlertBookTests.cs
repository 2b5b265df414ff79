using CityTwin.Domain.Alerts;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Alerts;

public class AlertBookTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly AlertSettings Settings = new() { EscalateAfter = TimeSpan.FromMinutes(30), MaxEscalations = 2 };

    private static AlertSignal Fire(string bin, bool raised, double minutes) =>
        new(bin, raised ? TwinSignalKind.FaultRaised : TwinSignalKind.FaultCleared, "fire", "72 °C", T0.AddMinutes(minutes));

    private static AlertSignal Stale(string asset, bool raised, double minutes) =>
        new(asset, raised ? TwinSignalKind.BecameStale : TwinSignalKind.BackOnline, "stale", null, T0.AddMinutes(minutes));

    [Fact]
    public void An_alert_keeps_its_first_seen_and_cleared_times()
    {
        var book = new AlertBook();

        var raised = book.Apply(Fire("b1", true, 0), Settings);
        var cleared = book.Apply(Fire("b1", false, 40), Settings);

        Assert.Equal(AlertNoticeKind.Raised, Assert.Single(raised).Kind);
        var notice = Assert.Single(cleared);
        Assert.Equal((AlertNoticeKind.Cleared, T0, T0.AddMinutes(40)), (notice.Kind, notice.Alert.FirstSeenAt, notice.Alert.ClearedAt));
        Assert.Empty(book.Active);
        Assert.Single(book.Cleared);
    }

    [Fact]
    public void A_repeated_raise_is_folded_into_the_active_alert()
    {
        var book = new AlertBook();
        book.Apply(Fire("b1", true, 0), Settings);

        Assert.Empty(book.Apply(Fire("b1", true, 5), Settings));
        Assert.Empty(book.Apply(Fire("b1", true, 7), Settings));

        var alert = Assert.Single(book.Active);
        Assert.Equal((3, T0, T0.AddMinutes(7)), (alert.Occurrences, alert.FirstSeenAt, alert.LastSeenAt));
        Assert.Empty(book.Apply(Stale("b1", false, 8), Settings)); // a clear for nothing active
    }

    [Fact]
    public void One_asset_can_have_alerts_of_different_types_and_one_type_many_assets()
    {
        var book = new AlertBook();
        book.Apply(Fire("b1", true, 0), Settings);
        book.Apply(Stale("b1", true, 1), Settings);
        book.Apply(Fire("b2", true, 2), Settings);

        Assert.Equal(3, book.Active.Count);
        Assert.Equal([1L, 2L, 3L], book.Active.Select(a => a.Id));
    }

    [Fact]
    public void An_unacknowledged_alert_is_escalated_one_step_at_a_time_up_to_the_limit()
    {
        var book = new AlertBook();
        book.Apply(Stale("l1", true, 0), Settings);

        Assert.Empty(book.Tick(T0.AddMinutes(29), Settings));
        var first = Assert.Single(book.Tick(T0.AddMinutes(30), Settings));
        Assert.Equal((AlertNoticeKind.Escalated, AlertSeverity.Major), (first.Kind, first.Alert.Severity));
        Assert.Empty(book.Tick(T0.AddMinutes(45), Settings));
        Assert.Equal(AlertSeverity.Critical, Assert.Single(book.Tick(T0.AddMinutes(60), Settings)).Alert.Severity);
        Assert.Empty(book.Tick(T0.AddMinutes(300), Settings)); // MaxEscalations = 2
    }

    [Fact]
    public void Acknowledging_stops_escalation()
    {
        var book = new AlertBook();
        var id = Assert.Single(book.Apply(Stale("l1", true, 0), Settings)).Alert.Id;

        Assert.Empty(book.Acknowledge(id, "operator@city", T0.AddMinutes(10)));

        Assert.Empty(book.Tick(T0.AddHours(5), Settings));
        Assert.Equal("operator@city", book.Active[0].AcknowledgedBy);
        Assert.Equal("alertId", Assert.Single(book.Acknowledge(999, "x", T0)).Field);
        Assert.Equal("acknowledgedBy", Assert.Single(book.Acknowledge(id, " ", T0)).Field);
    }

    [Fact]
    public void A_maintenance_window_silences_its_asset_s_alerts_and_only_those()
    {
        var book = new AlertBook();
        Assert.Empty(book.AddMaintenance(new("m1", "l1", T0, T0.AddHours(2), "ops", "lamp replacement")));

        Assert.Empty(book.Apply(Stale("l1", true, 10), Settings));
        Assert.Single(book.Apply(Stale("l2", true, 10), Settings));
        Assert.Empty(book.Apply(Stale("l1", false, 20), Settings)); // cleared within the window: never delivered

        Assert.Empty(book.Apply(Stale("l1", true, 30), Settings));
        Assert.Equal(["l2"], book.Tick(T0.AddMinutes(60), Settings).Select(n => n.Alert.AssetId)); // l2 escalates, l1 does not
        Assert.Contains(book.Active, a => a.AssetId == "l1" && a.NotifiedAt is null);
    }

    [Fact]
    public void What_outlasts_the_window_is_delivered_when_it_ends()
    {
        var book = new AlertBook();
        book.AddMaintenance(new("m1", "l1", T0, T0.AddHours(2), "ops"));
        book.Apply(Stale("l1", true, 10), Settings);

        var atEnd = Assert.Single(book.Tick(T0.AddHours(2), Settings));

        Assert.Equal((AlertNoticeKind.Raised, "l1", T0.AddMinutes(10)), (atEnd.Kind, atEnd.Alert.AssetId, atEnd.Alert.FirstSeenAt));
        Assert.Empty(book.Maintenance);
        Assert.Empty(book.Tick(T0.AddHours(2).AddMinutes(29), Settings));
        Assert.Single(book.Tick(T0.AddHours(2).AddMinutes(30), Settings)); // escalation counts from delivery
    }

    [Fact]
    public void A_district_window_silences_every_asset_and_can_be_ended_early()
    {
        var book = new AlertBook();
        book.AddMaintenance(new("m1", null, T0, T0.AddHours(8), "ops", "network upgrade"));
        book.Apply(Stale("l1", true, 1), Settings);
        book.Apply(Fire("b1", true, 2), Settings);

        Assert.Empty(book.Tick(T0.AddMinutes(30), Settings));
        Assert.True(book.EndMaintenance("m1", T0.AddMinutes(40)));

        Assert.Equal(2, book.Tick(T0.AddMinutes(41), Settings).Count(n => n.Kind == AlertNoticeKind.Raised));
    }

    [Fact]
    public void An_alert_delivered_before_a_window_still_has_its_clearing_delivered()
    {
        var book = new AlertBook();
        book.Apply(Stale("l1", true, 0), Settings);
        book.AddMaintenance(new("m1", "l1", T0.AddMinutes(5), T0.AddHours(1), "ops"));

        Assert.Empty(book.Tick(T0.AddMinutes(45), Settings)); // no escalation in maintenance
        Assert.Equal(AlertNoticeKind.Cleared, Assert.Single(book.Apply(Stale("l1", false, 50), Settings)).Kind);
    }

    [Fact]
    public void A_bad_window_is_refused_naming_the_field()
    {
        var book = new AlertBook();
        book.AddMaintenance(new("m1", null, T0, T0.AddHours(1), "ops"));

        var violations = book.AddMaintenance(new("m1", "Bad Id", T0, T0, ""));

        Assert.Equal(["id", "assetId", "until", "setBy"], violations.Select(v => v.Field));
        Assert.Single(book.Maintenance);
    }

    [Fact]
    public void Resolving_by_hand_clears_the_alert_tells_receivers_and_a_new_raise_is_a_new_alert()
    {
        var book = new AlertBook();
        var first = Assert.Single(book.Apply(Fire("b1", true, 0), Settings)).Alert.Id;

        var (refused, none) = book.Resolve(first, " ", T0.AddMinutes(5));
        var (violations, notices) = book.Resolve(first, "operator", T0.AddMinutes(10), "extinguished");
        var again = book.Resolve(first, "operator", T0.AddMinutes(11));
        var raisedAgain = Assert.Single(book.Apply(Fire("b1", true, 12), Settings));

        Assert.Equal("resolvedBy", Assert.Single(refused).Field);
        Assert.Empty(none);
        Assert.Empty(violations);
        var cleared = Assert.Single(notices);
        Assert.Equal((AlertNoticeKind.Cleared, T0.AddMinutes(10), "resolved by operator: extinguished"),
            (cleared.Kind, cleared.Alert.ClearedAt, cleared.Alert.Detail));
        Assert.Contains("already cleared", Assert.Single(again.Violations).Message);
        Assert.NotEqual(first, raisedAgain.Alert.Id);
    }
}
