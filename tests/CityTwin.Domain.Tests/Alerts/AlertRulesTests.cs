using CityTwin.Domain.Alerts;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Alerts;

public class AlertRulesTests
{
    [Theory]
    [InlineData(TwinSignalKind.ThresholdCrossed, "fillingLevel>=0.8", AlertType.BinFull, true)]
    [InlineData(TwinSignalKind.ThresholdCleared, "fillingLevel>=0.75", AlertType.BinFull, false)]
    [InlineData(TwinSignalKind.FaultRaised, "fire", AlertType.BinOnFire, true)]
    [InlineData(TwinSignalKind.FaultCleared, "fire", AlertType.BinOnFire, false)]
    [InlineData(TwinSignalKind.FaultRaised, "sensor.failed", AlertType.SensorFailed, true)]
    [InlineData(TwinSignalKind.FaultRaised, "defectiveLamp", AlertType.LampDefective, true)]
    [InlineData(TwinSignalKind.FaultRaised, "columnIssue", AlertType.LightColumnFault, true)]
    [InlineData(TwinSignalKind.BecameStale, "stale", AlertType.DeviceStale, true)]
    [InlineData(TwinSignalKind.BackOnline, "stale", AlertType.DeviceStale, false)]
    [InlineData(TwinSignalKind.ThresholdCrossed, "congested=gridlock", AlertType.IntersectionGridlocked, true)]
    [InlineData(TwinSignalKind.ThresholdCleared, "congested=gridlock", AlertType.IntersectionGridlocked, false)]
    [InlineData(TwinSignalKind.FaultRaised, "broken", AlertType.TruckBrokenDown, true)]
    [InlineData(TwinSignalKind.ThresholdCrossed, "poorAir", AlertType.AirQualityPoor, true)]
    public void Each_condition_raises_and_clears_its_alert(TwinSignalKind kind, string code, AlertType type, bool raises)
    {
        Assert.Equal((type, raises), AlertRules.Match(kind, code));
    }

    [Theory]
    [InlineData(TwinSignalKind.ThresholdCrossed, "congested=heavy")]
    [InlineData(TwinSignalKind.FaultRaised, "sensor.suspect")]
    [InlineData(TwinSignalKind.FaultRaised, "drift.pm25")]
    [InlineData(TwinSignalKind.PredictionMoved, "predictedFullAt")]
    [InlineData(TwinSignalKind.PredictionMoved, "fire")]
    [InlineData(TwinSignalKind.ThresholdCrossed, "loadHigh")]
    public void Other_signals_raise_no_alert(TwinSignalKind kind, string code)
    {
        Assert.Null(AlertRules.Match(kind, code));
    }

    [Fact]
    public void Fire_is_critical_gridlock_major_and_a_stale_device_a_warning_unless_configured_otherwise()
    {
        var settings = new AlertSettings { Severities = new Dictionary<AlertType, AlertSeverity> { [AlertType.DeviceStale] = AlertSeverity.Info } };

        Assert.Equal(AlertSeverity.Critical, settings.SeverityOf(AlertType.BinOnFire));
        Assert.Equal(AlertSeverity.Major, settings.SeverityOf(AlertType.IntersectionGridlocked));
        Assert.Equal(AlertSeverity.Warning, settings.SeverityOf(AlertType.LampDefective));
        Assert.Equal(AlertSeverity.Info, settings.SeverityOf(AlertType.DeviceStale));
    }
}
