using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinFillRateTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    [Fact]
    public void A_steady_fill_gives_its_rate_and_when_it_reaches_the_threshold()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 12, h => 0.2 + 0.03 * h);

        Assert.Equal(0.03, bin.State.FillRatePerHour!.Value, 3);
        // 0.2825 at the last reading, 0.5175 to go at 0.03 an hour: 17.25 hours.
        var expected = last.AddHours(17.25);
        Assert.InRange(bin.State.PredictedFullAt!.Value, expected.AddMinutes(-10), expected.AddMinutes(10));
        Assert.InRange(bin.State.PredictedFullConfidence, 0.7, 0.9);
    }

    [Fact]
    public void A_single_outlier_does_not_move_the_rate()
    {
        var steady = new BinTwin();
        var withOutlier = new BinTwin();
        steady.Fill(T0, 16, h => 0.2 + 0.03 * h);
        withOutlier.Fill(T0, 16, h => h == 2.5 ? 0.95 : 0.2 + 0.03 * h);

        Assert.Equal(steady.State.FillRatePerHour!.Value, withOutlier.State.FillRatePerHour!.Value, 3);
        var difference = (steady.State.PredictedFullAt!.Value - withOutlier.State.PredictedFullAt!.Value).Duration();
        Assert.True(difference < TimeSpan.FromMinutes(30), $"moved by {difference}");
        Assert.Empty(withOutlier.SignalsOf(TwinSignalKind.ThresholdCrossed));
        Assert.Equal(SensorHealth.Ok, withOutlier.State.Sensor.Health);
    }

    [Fact]
    public void Confidence_grows_with_samples_and_falls_with_their_scatter()
    {
        var few = new BinTwin();
        var many = new BinTwin();
        var noisy = new BinTwin();
        few.Fill(T0, 5, h => 0.2 + 0.03 * h);
        many.Fill(T0, 14, h => 0.2 + 0.03 * h);
        noisy.Fill(T0, 14, h => 0.2 + 0.03 * h + ((int)(h * 4) % 2 == 0 ? 0.025 : -0.025));

        Assert.True(few.State.PredictedFullConfidence < many.State.PredictedFullConfidence);
        Assert.True(noisy.State.PredictedFullConfidence < many.State.PredictedFullConfidence);
    }

    [Fact]
    public void No_prediction_before_a_rate_is_learnt_nor_for_a_bin_that_does_not_fill()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 3, h => 0.2 + 0.03 * h);
        Assert.Null(bin.State.PredictedFullAt);
        Assert.Equal(0, bin.State.PredictedFullConfidence);

        var idle = new BinTwin();
        idle.Fill(T0, 20, _ => 0.35);
        Assert.Equal(0, idle.State.FillRatePerHour);
        Assert.Null(idle.State.PredictedFullAt);
    }

    [Fact]
    public void A_fill_that_would_take_longer_than_the_horizon_is_not_predicted()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 48, h => 0.1 + 0.0015 * h); // 0.7 to go at 0.0015 an hour: 19 days
        Assert.Equal(0.0015, bin.State.FillRatePerHour!.Value, 4);
        Assert.Null(bin.State.PredictedFullAt);
    }

    [Fact]
    public void The_prediction_is_announced_only_when_it_moves_significantly()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 24, h => 0.1 + 0.02 * h + (h * 4 % 3 == 0 ? 0.004 : 0));
        var announced = Assert.Single(bin.SignalsOf(TwinSignalKind.PredictionMoved));
        Assert.Equal(BinSignalCodes.PredictedFullAt, announced.Code);

        // Someone starts dumping a lot: the bin fills four times as fast.
        var level = bin.State.FillingLevel!.Value;
        for (var i = 1; i <= 8; i++)
            bin.Level(last.AddMinutes(15 * i), level + 0.02 * i);

        var moves = bin.SignalsOf(TwinSignalKind.PredictionMoved).ToList();
        Assert.True(moves.Count >= 2);
        Assert.Equal(bin.State.AnnouncedPredictedFullAt!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), moves[^1].Detail);
        Assert.True((bin.State.PredictedFullAt!.Value - bin.State.AnnouncedPredictedFullAt!.Value).Duration() < bin.Options.PredictionMovedBy);
    }

    [Fact]
    public void Emptying_restarts_the_rate_but_keeps_what_was_learnt()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 24, h => 0.1 + 0.01 * h);
        var observations = bin.State.Profile.Observations;
        Assert.True(observations > 0);
        Assert.NotNull(bin.State.BaseRatePerHour);

        bin.Collect("c-1", last.AddMinutes(5));
        Assert.Null(bin.State.FillRatePerHour);
        Assert.Equal(0, bin.State.Levels.Count);
        Assert.Equal(observations, bin.State.Profile.Observations);
        // Right after the emptying the long-run rate still gives a first, less certain, prediction.
        Assert.NotNull(bin.State.PredictedFullAt);
        Assert.True(bin.State.PredictedFullConfidence <= bin.Options.PriorRateConfidence);

        bin.Fill(last.AddMinutes(10), 24, h => 0.02 + 0.05 * h);
        Assert.Equal(0.05, bin.State.FillRatePerHour!.Value, 3);
    }

    [Fact]
    public void The_threshold_is_crossed_on_a_confirmed_level_and_cleared_with_hysteresis()
    {
        var bin = new BinTwin();
        double[] levels = [0.7, 0.78, 0.82, 0.83, 0.79, 0.76, 0.72, 0.69, 0.68];
        var crossedAt = -1;
        var clearedAt = -1;
        for (var i = 0; i < levels.Length; i++)
        {
            var outcome = bin.Level(T0.AddMinutes(15 * i), levels[i]);
            if (outcome.Signals.Any(s => s.Kind == TwinSignalKind.ThresholdCrossed))
                crossedAt = i;
            if (outcome.Signals.Any(s => s.Kind == TwinSignalKind.ThresholdCleared))
                clearedAt = i;
        }

        Assert.Equal(3, crossedAt);   // 0.82 alone is not enough: the median of the last three must be over
        Assert.Equal(8, clearedAt);   // and it stays full until that median is below 0.8 - 0.1
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        Assert.Equal("fillingLevel>=0.8", bin.SignalsOf(TwinSignalKind.ThresholdCrossed).Single().Code);
    }

    [Fact]
    public void A_full_bin_is_predicted_full_since_it_crossed()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 12, h => 0.6 + 0.1 * h);
        Assert.True(bin.State.AboveThreshold);
        Assert.Equal(bin.State.FullSince, bin.State.PredictedFullAt);
    }
}
