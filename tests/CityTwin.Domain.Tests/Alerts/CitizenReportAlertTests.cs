using CityTwin.Domain.Alerts;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Alerts;

public class CitizenReportAlertTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly AlertSettings Settings = new();

    [Fact]
    public void A_report_raises_a_citizen_report_alert_on_the_asset_and_a_second_one_is_folded_into_it()
    {
        var book = new AlertBook();

        var (first, notices) = book.Report("bin-1", "overflowingBin: lid open", T0, Settings);
        var (second, again) = book.Report("bin-1", "overflowingBin: bags beside it", T0.AddMinutes(10), Settings);

        Assert.Equal((AlertType.CitizenReport, "bin-1", AlertSeverity.Warning), (first.Type, first.AssetId, first.Severity));
        Assert.Equal(AlertNoticeKind.Raised, Assert.Single(notices).Kind);
        Assert.Empty(again);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal((2, T0.AddMinutes(10), "overflowingBin: bags beside it"), (second.Occurrences, second.LastSeenAt, second.Detail));
        Assert.Single(book.Active);
    }

    [Fact]
    public void A_report_is_its_own_alert_beside_a_twin_alert_and_can_be_resolved()
    {
        var book = new AlertBook();
        book.Apply(new AlertSignal("bin-1", TwinSignalKind.ThresholdCrossed, "fillingLevel>=0.8", null, T0), Settings);

        var (report, _) = book.Report("bin-1", "overflowingBin", T0, Settings);
        var (violations, cleared) = book.Resolve(report.Id, "operator", T0.AddHours(1));

        Assert.Empty(violations);
        Assert.Equal(AlertType.CitizenReport, Assert.Single(cleared).Alert.Type);
        Assert.Equal(AlertType.BinFull, Assert.Single(book.Active).Type);
    }

    [Fact]
    public void A_report_in_a_maintenance_window_is_recorded_but_not_delivered()
    {
        var book = new AlertBook();
        book.AddMaintenance(new MaintenanceWindow("w1", "light-1", T0, T0.AddHours(2), "operator"));

        var (alert, notices) = book.Report("light-1", "brokenLight", T0.AddMinutes(5), Settings);

        Assert.Empty(notices);
        Assert.Null(alert.NotifiedAt);
        Assert.Single(book.Active);
    }
}
