using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinSensorHealthTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    [Fact]
    public void Fill_going_down_without_a_collection_makes_the_sensor_suspect()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 6, h => 0.5 + 0.02 * h);

        var outcome = bin.Level(last.AddMinutes(15), 0.2);

        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);
        Assert.Equal(SensorFault.FillDropWithoutCollection, bin.State.Sensor.Reason);
        Assert.Equal(new TwinSignal(TwinSignalKind.FaultRaised, BinSignalCodes.SensorSuspect, "fillDropWithoutCollection"), Assert.Single(outcome.Signals));
        Assert.Equal(0.2, bin.State.FillingLevel); // shown as measured, but not trusted
    }

    [Fact]
    public void Noise_below_the_tolerance_is_not_a_drop()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 6, h => 0.5 + 0.02 * h);
        bin.Level(last.AddMinutes(15), 0.45);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
    }

    [Fact]
    public void A_single_high_outlier_does_not_make_the_next_reading_a_drop()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 6, h => 0.3 + 0.02 * h);
        bin.Level(T0.AddMinutes(90), 0.95);
        bin.Level(T0.AddMinutes(105), 0.335);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
    }

    [Fact]
    public void A_level_stuck_for_days_makes_the_sensor_suspect()
    {
        var bin = new BinTwin();
        var at = T0;
        for (var i = 0; i < 4 * 72; i++)
        {
            at = T0.AddMinutes(15 * i);
            bin.Level(at, 0.42);
        }

        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        bin.Level(at.AddMinutes(15), 0.42);
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);
        Assert.Equal(SensorFault.Stuck, bin.State.Sensor.Reason);
    }

    [Fact]
    public void An_empty_unused_bin_reading_zero_for_days_is_not_stuck()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 4 * 24 * 5, _ => 0);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
    }

    [Fact]
    public void A_level_that_stays_put_while_the_weight_changes_is_stuck()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.4, weightKg: 10);
        bin.Level(T0.AddMinutes(15), 0.4, weightKg: 12);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        bin.Level(T0.AddMinutes(30), 0.4, weightKg: 16);
        Assert.Equal(SensorFault.Stuck, bin.State.Sensor.Reason);
    }

    [Fact]
    public void A_level_that_stays_put_across_an_emptying_is_stuck()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.6);
        bin.Collect("c-1", T0.AddMinutes(5));
        bin.Level(T0.AddMinutes(15), 0.6);
        Assert.Equal(SensorFault.Stuck, bin.State.Sensor.Reason);
    }

    [Fact]
    public void Large_oscillations_while_wet_are_erratic_but_not_when_dry()
    {
        var dry = new BinTwin();
        var wet = new BinTwin();
        double[] levels = [0.3, 0.32, 0.9, 0.33];
        for (var i = 0; i < levels.Length; i++)
        {
            dry.Level(T0.AddMinutes(15 * i), levels[i]);
            wet.Level(T0.AddMinutes(15 * i), levels[i], wet: true);
        }

        Assert.Equal(SensorHealth.Ok, dry.State.Sensor.Health);
        Assert.Equal(SensorHealth.Suspect, wet.State.Sensor.Health);
        Assert.Equal(SensorFault.ErraticWhenWet, wet.State.Sensor.Reason);
    }

    [Fact]
    public void High_humidity_counts_as_wet()
    {
        var bin = new BinTwin();
        bin.Read(T0, new BinReading { DistanceCm = 70, HumidityPercent = 97 });
        bin.Level(T0.AddMinutes(15), 0.95);
        bin.Read(T0.AddMinutes(30), new BinReading { DistanceCm = 69 });
        Assert.True(bin.State.Wet);
        Assert.Equal(SensorFault.ErraticWhenWet, bin.State.Sensor.Reason);
    }

    [Fact]
    public void Volume_contradicting_weight_makes_the_sensor_suspect()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.95, weightKg: 0.2);
        Assert.Equal(SensorFault.SensorsDisagree, bin.State.Sensor.Reason);
    }

    [Fact]
    public void An_impossible_fill_value_is_rejected_and_counts_against_the_sensor()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.3);
        var outcome = bin.Read(T0.AddMinutes(15), new BinReading { DistanceCm = 180 });
        Assert.Equal(ReadingDisposition.Rejected, outcome.Disposition);
        Assert.Equal(SensorFault.OutOfRange, bin.State.Sensor.Reason);
        Assert.Contains(outcome.Signals, s => s.Code == BinSignalCodes.SensorSuspect && s.Detail == "outOfRange");
    }

    [Fact]
    public void A_suspect_sensor_recovers_after_sustained_good_readings()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 4, h => 0.5 + 0.02 * h);
        bin.Level(T0.AddMinutes(60), 0.2); // drop
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);

        var at = T0.AddMinutes(60);
        for (var i = 1; i < bin.Options.GoodReadingsToRecover; i++)
            bin.Level(at.AddMinutes(15 * i), 0.2 + 0.005 * i);
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);

        var outcome = bin.Level(at.AddMinutes(15 * bin.Options.GoodReadingsToRecover), 0.25);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        Assert.Contains(outcome.Signals, s => s is { Kind: TwinSignalKind.FaultCleared, Code: BinSignalCodes.SensorSuspect });
    }

    [Fact]
    public void Repeated_faults_fail_the_sensor_and_only_an_emptying_with_consistent_readings_brings_it_back()
    {
        var bin = new BinTwin();
        var at = T0;
        // Condensation: the sensor flaps between the real level and "full" while wet.
        for (var i = 0; i < 8; i++, at = at.AddMinutes(15))
            bin.Level(at, i % 2 == 0 ? 0.3 : 0.95, wet: true);
        Assert.Equal(SensorHealth.Failed, bin.State.Sensor.Health);
        Assert.Single(bin.SignalsOf(TwinSignalKind.FaultRaised, BinSignalCodes.SensorFailed));
        Assert.Single(bin.SignalsOf(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect));

        // Dry and steady again, but without an emptying a failed sensor stays failed.
        for (var i = 0; i < 12; i++, at = at.AddMinutes(15))
            bin.Level(at, 0.3 + 0.002 * i);
        Assert.Equal(SensorHealth.Failed, bin.State.Sensor.Health);

        bin.Collect("c-9", at);
        at = at.AddMinutes(10);
        for (var i = 0; i < bin.Options.GoodReadingsToRecover; i++, at = at.AddMinutes(15))
            bin.Level(at, 0.01 + 0.003 * i);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        Assert.Single(bin.SignalsOf(TwinSignalKind.FaultCleared, BinSignalCodes.SensorFailed));
    }

    [Fact]
    public void A_failed_sensor_that_does_not_read_empty_after_a_collection_stays_failed()
    {
        var bin = new BinTwin();
        var at = T0;
        for (var i = 0; i < 8; i++, at = at.AddMinutes(15))
            bin.Level(at, i % 2 == 0 ? 0.3 : 0.95, wet: true);
        bin.Collect("c-9", at);
        at = at.AddMinutes(10);
        for (var i = 0; i < 20; i++, at = at.AddMinutes(15))
            bin.Level(at, 0.7 + 0.003 * i);
        Assert.Equal(SensorHealth.Failed, bin.State.Sensor.Health);
    }

    [Fact]
    public void A_suspect_sensor_does_not_move_the_prediction()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 12, h => 0.2 + 0.03 * h);
        var predicted = bin.State.PredictedFullAt;
        Assert.NotNull(predicted);
        var confidence = bin.State.PredictedFullConfidence;

        bin.Level(last.AddMinutes(15), 0.95, weightKg: 0.1); // sensors disagree
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);
        bin.Level(last.AddMinutes(30), 0.79);
        bin.Level(last.AddMinutes(45), 0.79);

        Assert.Equal(predicted, bin.State.PredictedFullAt);
        Assert.False(bin.State.AboveThreshold);
        Assert.Equal(Math.Round(confidence * BinRuleOptions.SuspectConfidenceFactor, 2), bin.State.PredictedFullConfidence, 2);
        Assert.Empty(bin.SignalsOf(TwinSignalKind.ThresholdCrossed));
    }
}
