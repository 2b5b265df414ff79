using CityTwin.Domain.Bins;
using CityTwin.Domain.Collection;

namespace CityTwin.Domain.Tests.Collection;

public class CollectionSelectionTests
{
    private static readonly DateTimeOffset Next = new(2025, 3, 6, 5, 0, 0, TimeSpan.Zero);
    private static readonly CollectionWindow NextWindow = new(Next, Next.AddHours(5));
    private static readonly CollectionWindow Following = new(Next.AddDays(4), Next.AddDays(4).AddHours(5));
    private static readonly BinParameters Bin = new() { BinCapacityLitres = 240, BinFullnessThreshold = 0.8 };

    private static BinSelection Decide(BinState state, SelectionOptions? options = null) =>
        Assert.Single(CollectionSelection.Select([new BinCandidate("b1", state, Bin)], NextWindow, Following, options));

    private static BinState Healthy(double level, DateTimeOffset? predictedFull = null) => new()
    {
        FillingLevel = level,
        AboveThreshold = level >= 0.8,
        PredictedFullAt = predictedFull,
        DateLastEmptying = Next.AddDays(-3),
    };

    [Fact]
    public void A_full_bin_is_collected()
    {
        Assert.Equal((true, SelectionReason.FullNow), (Decide(Healthy(0.85)).Collect, Decide(Healthy(0.85)).Reason));
    }

    [Fact]
    public void A_bin_predicted_full_before_the_following_window_is_collected_and_one_predicted_after_is_not()
    {
        var before = Decide(Healthy(0.5, Following.Start.AddHours(-1)));
        var after = Decide(Healthy(0.5, Following.Start.AddHours(1)));
        var never = Decide(Healthy(0.1));

        Assert.Equal((true, SelectionReason.PredictedFull), (before.Collect, before.Reason));
        Assert.Equal((false, SelectionReason.NotNeeded), (after.Collect, after.Reason));
        Assert.Equal((false, SelectionReason.NotNeeded), (never.Collect, never.Reason));
    }

    [Fact]
    public void A_failed_sensor_is_skipped_even_when_it_reads_full_until_the_bin_is_overdue()
    {
        var failed = Healthy(0.95);
        failed.Sensor.Health = SensorHealth.Failed;

        var skipped = Decide(failed);
        Assert.Equal((false, SelectionReason.SensorUntrusted), (skipped.Collect, skipped.Reason));

        failed.DateLastEmptying = Next.AddDays(-14);
        var overdue = Decide(failed);
        Assert.Equal((true, SelectionReason.OverdueByAge), (overdue.Collect, overdue.Reason));
        Assert.Contains("14 days", overdue.Detail, StringComparison.Ordinal);

        var shorter = Decide(failed, new SelectionOptions { OverdueAge = TimeSpan.FromDays(21) });
        Assert.False(shorter.Collect);
    }

    [Fact]
    public void A_suspect_sensor_still_counts()
    {
        var suspect = Healthy(0.5, Next.AddDays(1));
        suspect.Sensor.Health = SensorHealth.Suspect;

        Assert.Equal(SelectionReason.PredictedFull, Decide(suspect).Reason);
    }

    [Fact]
    public void A_bin_that_never_read_a_level_is_collected_only_when_overdue_or_never_emptied()
    {
        var silent = new BinState { DateLastEmptying = Next.AddDays(-2) };
        Assert.Equal(SelectionReason.SensorUntrusted, Decide(silent).Reason);

        var unknown = new BinState();
        Assert.Equal((true, SelectionReason.OverdueByAge), (Decide(unknown).Collect, Decide(unknown).Reason));
    }

    [Fact]
    public void A_burning_bin_is_never_lifted()
    {
        var burning = Healthy(0.9);
        burning.Burning = true;

        Assert.Equal((false, SelectionReason.OnFire), (Decide(burning).Collect, Decide(burning).Reason));
    }

    [Fact]
    public void Windows_in_the_wrong_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CollectionSelection.Select([], Following, NextWindow));
    }
}
