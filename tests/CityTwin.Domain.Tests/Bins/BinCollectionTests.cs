using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinCollectionTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    [Fact]
    public void A_collection_empties_the_bin_and_clears_the_threshold()
    {
        var bin = new BinTwin();
        var last = bin.Fill(T0, 12, h => 0.6 + 0.08 * h);
        Assert.True(bin.State.AboveThreshold);

        var outcome = bin.Collect("truck-7/0001", last.AddMinutes(5));

        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        var state = bin.State;
        Assert.Equal(0, state.FillingLevel);
        Assert.Equal(last.AddMinutes(5), state.DateLastEmptying);
        Assert.False(state.AboveThreshold);
        Assert.Equal(0, state.Levels.Count);
        Assert.Equal(1, state.Collections);
        Assert.Contains(outcome.Signals, s => s is { Kind: TwinSignalKind.ThresholdCleared, Code: "fillingLevel>=0.8", Detail: "collected" });
    }

    [Fact]
    public void The_same_collection_from_the_truck_and_the_rfid_reader_counts_once()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 8, h => 0.5 + 0.02 * h);
        var at = T0.AddHours(2);

        var fromRfid = bin.Read(at, new BinReading { CollectionId = "c-42", DistanceCm = 97 });
        var fromTruck = bin.Collect("c-42", at.AddMinutes(-1), at.AddMinutes(3));

        Assert.Equal(ReadingDisposition.Applied, fromRfid.Disposition);
        Assert.Equal(ReadingDisposition.Duplicate, fromTruck.Disposition);
        Assert.Equal(1, bin.State.Collections);
        Assert.Equal(at, bin.State.DateLastEmptying);
        Assert.Equal(0.03, bin.State.FillingLevel);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
    }

    [Fact]
    public void Only_the_last_few_collection_ids_are_kept_hashed()
    {
        var bin = new BinTwin();
        for (var i = 0; i < 10; i++)
            bin.Collect($"collection-{i}", T0.AddDays(i));
        Assert.Equal(BinRules.RememberedCollections, bin.State.RecentCollections.Length);
        Assert.Equal(10, bin.State.Collections);
        Assert.Equal(ReadingDisposition.Duplicate, bin.Collect("collection-9", T0.AddDays(9)).Disposition);
    }

    [Fact]
    public void A_collection_reported_after_later_readings_keeps_their_level()
    {
        var bin = new BinTwin();
        bin.Fill(T0, 8, h => 0.6 + 0.02 * h);
        bin.Level(T0.AddHours(2), 0.03); // collected just before, but the truck's report is slow: a drop for now
        Assert.Equal(SensorHealth.Suspect, bin.State.Sensor.Health);
        bin.Level(T0.AddHours(2.25), 0.04);

        var outcome = bin.Collect("late-report", T0.AddHours(1.9), T0.AddHours(2.5));

        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health);
        Assert.Contains(outcome.Signals, s => s is { Kind: TwinSignalKind.FaultCleared, Code: BinSignalCodes.SensorSuspect });
        Assert.Equal(0.04, bin.State.FillingLevel);
        Assert.Equal(T0.AddHours(1.9), bin.State.DateLastEmptying);
    }

    [Fact]
    public void An_older_collection_reported_late_is_counted_without_emptying_again()
    {
        var bin = new BinTwin();
        bin.Collect("recent", T0.AddHours(1));
        bin.Fill(T0.AddHours(2), 4, h => 0.1 + 0.05 * h);

        var outcome = bin.Collect("older", T0.AddMinutes(10), T0.AddHours(3));

        Assert.Equal(ReadingDisposition.Applied, outcome.Disposition);
        Assert.Equal(2, bin.State.Collections);
        Assert.Equal(T0.AddHours(1), bin.State.DateLastEmptying);
        Assert.Equal(4, bin.State.Levels.Count);
    }

    [Fact]
    public void A_collection_in_a_late_reading_still_counts()
    {
        var bin = new BinTwin();
        bin.Level(T0, 0.7);
        bin.Sequence++;
        bin.Level(T0.AddMinutes(30), 0.05);

        var outcome = BinRules.Apply(bin.State, bin.Parameters, new ReadingStamp(T0.AddMinutes(15), 1, 2),
            new BinReading { CollectionId = "rfid-1", DistanceCm = 98 }, T0.AddMinutes(31), BinTwin.Amsterdam);

        Assert.Equal(ReadingDisposition.Late, outcome.Disposition);
        Assert.Equal(1, bin.State.Collections);
        Assert.Equal(T0.AddMinutes(15), bin.State.DateLastEmptying);
        Assert.Equal(0.05, bin.State.FillingLevel);
        Assert.Equal(SensorHealth.Ok, bin.State.Sensor.Health); // the drop at 08:30 is explained
    }

    [Fact]
    public void A_collection_report_must_have_an_id_and_not_be_in_the_future()
    {
        var bin = new BinTwin();
        var outcome = BinRules.ApplyCollection(bin.State, bin.Parameters, "", T0.AddHours(1), T0, BinTwin.Amsterdam);
        Assert.Equal(ReadingDisposition.Rejected, outcome.Disposition);
        Assert.Equal(["collectionId", "at"], outcome.Violations.Select(v => v.Field));
        Assert.Equal(0, bin.State.Collections);
    }
}
