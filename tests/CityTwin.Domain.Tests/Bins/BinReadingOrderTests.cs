using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinReadingOrderTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    [Fact]
    public void The_first_reading_sets_the_bin_up()
    {
        var bin = new BinTwin();
        Assert.Equal(BinStatus.Unknown, bin.State.Status);

        var outcome = bin.Read(T0, new BinReading { DistanceCm = 70, CargoWeightKg = 12, TemperatureCelsius = 14 });

        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        Assert.True(outcome.Accepted);
        Assert.Empty(outcome.Violations);
        var state = bin.State;
        Assert.Equal(0.3, state.FillingLevel);
        Assert.Equal(12, state.CargoWeightKg);
        Assert.Equal(14, state.TemperatureCelsius);
        Assert.Equal(BinStatus.Ok, state.Status);
        Assert.Equal(SensorHealth.Ok, state.Sensor.Health);
        Assert.Equal(T0, state.LastReadingAt);
        Assert.Equal(T0, state.Liveness.LastHeardAt);
        Assert.Equal(1, state.Counters.Applied);
        Assert.Equal(1, state.Levels.Count);
        Assert.Null(state.PredictedFullAt);
    }

    [Fact]
    public void A_heartbeat_only_says_the_device_is_alive()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.3);
        var outcome = bin.Read(T0.AddMinutes(15), new BinReading());
        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        Assert.Equal(0.3, bin.State.FillingLevel);
        Assert.Equal(T0.AddMinutes(15), bin.State.Liveness.LastHeardAt);
    }

    [Fact]
    public void A_duplicate_is_ignored_silently()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.3);
        var stamp = new ReadingStamp(T0, bin.Epoch, bin.Sequence);

        var outcome = BinRules.Apply(bin.State, bin.Parameters, stamp, new BinReading { DistanceCm = 10 }, T0.AddMinutes(5), BinTwin.Amsterdam);

        Assert.Equal(ReadingDisposition.Duplicate, outcome.Disposition);
        Assert.Empty(outcome.Signals);
        Assert.Equal(0.3, bin.State.FillingLevel);
        Assert.Equal(T0, bin.State.Liveness.LastHeardAt);
        Assert.Equal((1L, 1L), (bin.State.Counters.Applied, bin.State.Counters.Duplicates));
    }

    [Fact]
    public void A_late_reading_is_counted_but_does_not_move_the_current_state()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.3);
        bin.Sequence++; // sequence 2 is delayed somewhere
        bin.Level(T0.AddMinutes(30), 0.35);

        var outcome = BinRules.Apply(bin.State, bin.Parameters, new ReadingStamp(T0.AddMinutes(15), 1, 2),
            new BinReading { DistanceCm = 10 }, T0.AddMinutes(40), BinTwin.Amsterdam);

        Assert.Equal(ReadingDisposition.Late, outcome.Disposition);
        Assert.True(outcome.Accepted);
        Assert.NotNull(outcome.Note);
        Assert.Equal(0.35, bin.State.FillingLevel);
        Assert.Equal(T0.AddMinutes(30), bin.State.LastReadingAt);
        Assert.Equal(1, bin.State.Counters.Late);
        Assert.Equal(T0.AddMinutes(40), bin.State.Liveness.LastHeardAt);

        var again = BinRules.Apply(bin.State, bin.Parameters, new ReadingStamp(T0.AddMinutes(15), 1, 2),
            new BinReading { DistanceCm = 10 }, T0.AddMinutes(41), BinTwin.Amsterdam);
        Assert.Equal(ReadingDisposition.Duplicate, again.Disposition);
    }

    [Fact]
    public void After_a_reboot_the_new_sequence_is_applied()
    {
        var bin = new BinTwin();
        for (var i = 0; i < 10; i++)
            bin.Level(T0.AddMinutes(15 * i), 0.3 + 0.01 * i);

        bin.Epoch = 2;
        bin.Sequence = 0;
        var outcome = bin.Level(T0.AddMinutes(150), 0.41);

        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        Assert.Equal(0.41, bin.State.FillingLevel);
        Assert.Equal((2L, 1L), (bin.State.Sequence.BootEpoch, bin.State.Sequence.HighestSequence));
    }

    [Fact]
    public void A_reading_from_a_clock_running_ahead_is_rejected_with_a_reason()
    {
        var bin = new BinTwin();
        var now = T0;
        var outcome = bin.Read(now.AddMinutes(10), new BinReading { DistanceCm = 20 }, now);

        Assert.Equal(ReadingDisposition.Rejected, outcome.Disposition);
        Assert.Equal("deviceTime", Assert.Single(outcome.Violations).Field);
        Assert.Contains("ahead of the server clock", outcome.Note);
        Assert.Null(bin.State.FillingLevel);
        Assert.Equal(1, bin.State.Counters.FromFuture);
        Assert.Equal(now, bin.State.Liveness.LastHeardAt);

        var skewed = bin.Read(now.AddMinutes(1), new BinReading { DistanceCm = 20 }, now);
        Assert.Equal(ReadingDisposition.Applied, skewed.Disposition);
    }

    [Fact]
    public void An_invalid_reading_is_rejected_and_its_redelivery_is_a_duplicate()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.3);
        var outcome = bin.Read(T0.AddMinutes(15), new BinReading { TemperatureCelsius = 400 });

        Assert.Equal(ReadingDisposition.Rejected, outcome.Disposition);
        Assert.Equal("temperature", Assert.Single(outcome.Violations).Field);
        Assert.Equal(1, bin.State.Counters.Invalid);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health); // the temperature probe is not the fill sensor

        var redelivered = BinRules.Apply(bin.State, bin.Parameters, new ReadingStamp(T0.AddMinutes(15), 1, bin.Sequence),
            new BinReading { TemperatureCelsius = 400 }, T0.AddMinutes(16), BinTwin.Amsterdam);
        Assert.Equal(ReadingDisposition.Duplicate, redelivered.Disposition);
    }

    [Fact]
    public void Silence_makes_the_bin_stale_and_the_next_reading_brings_it_back()
    {
        var bin = new BinTwin();
        var startedAt = T0.AddDays(-1);
        bin.Level(T0, 0.3);

        Assert.Null(BinRules.CheckStale(bin.State, T0.AddMinutes(44), StalenessPolicy.Bins, startedAt));
        var stale = BinRules.CheckStale(bin.State, T0.AddMinutes(46), StalenessPolicy.Bins, startedAt);
        Assert.Equal(TwinSignalKind.BecameStale, stale?.Kind);

        var outcome = bin.Level(T0.AddHours(2), 0.32);
        Assert.Contains(outcome.Signals, s => s.Kind == TwinSignalKind.BackOnline && s.Code == Staleness.Code);
        Assert.False(bin.State.Liveness.Stale);
    }

    [Fact]
    public void A_replaced_device_starts_a_fresh_sequence_and_fresh_health()
    {
        var bin = new BinTwin();
        bin.Sequence = 5000;
        bin.Level(T0, 0.3);
        bin.Level(T0.AddMinutes(15), 0.05); // drop without collection: suspect
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);

        var signals = BinRules.ReplaceDevice(bin.State, T0.AddHours(1));
        Assert.Equal(new TwinSignal(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect, "device replaced"), Assert.Single(signals));

        bin.Sequence = 0;
        var outcome = bin.Level(T0.AddHours(2), 0.06);
        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
    }

    [Fact]
    public void A_replacement_device_reading_lower_than_the_old_one_is_not_a_drop()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 8, h => 0.6 + 0.01 * h);
        BinRules.ReplaceDevice(bin.State, T0.AddHours(3));
        bin.Sequence = 0;
        bin.Level(T0.AddHours(4), 0.4); // calibrated differently
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        Assert.Equal(0.4, bin.State.FillingLevel);
    }
}
