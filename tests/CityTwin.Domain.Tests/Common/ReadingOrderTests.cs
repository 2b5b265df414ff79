using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class ReadingOrderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    private static ReadingStamp Stamp(long sequence, long epoch = 1, int minutes = -1) =>
        new(T0.AddMinutes(minutes < 0 ? sequence : minutes), epoch, sequence);

    private static ReadingVerdict Classify(ReadingSequenceState state, ReadingStamp stamp) =>
        ReadingOrder.Classify(state, stamp, T0.AddDays(1), Skew).Verdict;

    private static ReadingSequenceState Applied(params ReadingStamp[] stamps)
    {
        var state = new ReadingSequenceState();
        foreach (var stamp in stamps)
        {
            var verdict = Classify(state, stamp);
            ReadingOrder.Record(state, stamp, verdict);
        }

        return state;
    }

    [Fact]
    public void The_first_reading_ever_is_applied() =>
        Assert.Equal(ReadingVerdict.Apply, Classify(new ReadingSequenceState(), Stamp(17, epoch: 5)));

    [Fact]
    public void A_higher_sequence_is_applied_and_moves_the_newest_device_time()
    {
        var state = Applied(Stamp(1), Stamp(2));
        Assert.Equal(ReadingVerdict.Apply, Classify(state, Stamp(5)));
        ReadingOrder.Record(state, Stamp(5), ReadingVerdict.Apply);
        Assert.Equal(5, state.HighestSequence);
        Assert.Equal(Stamp(5).DeviceTime, state.NewestDeviceTime);
    }

    [Fact]
    public void The_same_reading_again_is_a_duplicate() =>
        Assert.Equal(ReadingVerdict.Duplicate, Classify(Applied(Stamp(1), Stamp(2)), Stamp(2)));

    [Fact]
    public void A_redelivered_older_reading_is_a_duplicate_and_a_never_seen_one_is_late()
    {
        var state = Applied(Stamp(1), Stamp(2), Stamp(4), Stamp(5));
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, Stamp(2)));
        Assert.Equal(ReadingVerdict.Late, Classify(state, Stamp(3)));

        ReadingOrder.Record(state, Stamp(3), ReadingVerdict.Late);
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, Stamp(3)));
        Assert.Equal(Stamp(5).DeviceTime, state.NewestDeviceTime);
    }

    [Fact]
    public void The_window_remembers_exactly_64_sequences_below_the_highest()
    {
        var state = Applied(Stamp(100), Stamp(164));
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, Stamp(100)));

        ReadingOrder.Record(state, Stamp(165), ReadingVerdict.Apply);
        var tooOld = ReadingOrder.Classify(state, Stamp(100), T0.AddDays(1), Skew);
        Assert.Equal(ReadingVerdict.Late, tooOld.Verdict);
        Assert.Contains("too old", tooOld.Reason);
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, Stamp(164)));
        Assert.Equal(ReadingVerdict.Late, Classify(state, Stamp(150)));
    }

    [Fact]
    public void A_jump_of_more_than_the_window_forgets_everything_below()
    {
        var state = Applied(Stamp(1), Stamp(2), Stamp(200));
        Assert.Equal(0L, state.SeenBelow);
        Assert.Equal(ReadingVerdict.Late, Classify(state, Stamp(199)));
    }

    [Fact]
    public void A_new_boot_epoch_starts_a_new_sequence()
    {
        var state = Applied(Stamp(500, epoch: 1, minutes: 10));
        var rebooted = new ReadingStamp(T0.AddMinutes(20), 2, 0);
        Assert.Equal(ReadingVerdict.Apply, Classify(state, rebooted));
        ReadingOrder.Record(state, rebooted, ReadingVerdict.Apply);
        Assert.Equal((2L, 0L), (state.BootEpoch, state.HighestSequence));
        Assert.Equal(ReadingVerdict.Apply, Classify(state, new ReadingStamp(T0.AddMinutes(35), 2, 1)));
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, rebooted));
    }

    [Fact]
    public void A_reading_from_an_older_boot_is_late()
    {
        var state = Applied(Stamp(3, epoch: 2));
        var verdict = ReadingOrder.Classify(state, Stamp(900, epoch: 1, minutes: 1), T0.AddDays(1), Skew);
        Assert.Equal(ReadingVerdict.Late, verdict.Verdict);
        Assert.Contains("boot epoch", verdict.Reason);
    }

    [Fact]
    public void A_device_time_beyond_the_allowed_skew_is_from_the_future()
    {
        var now = T0;
        var state = new ReadingSequenceState();
        var verdict = ReadingOrder.Classify(state, new ReadingStamp(now.AddMinutes(3), 1, 1), now, Skew);
        Assert.Equal(ReadingVerdict.FromFuture, verdict.Verdict);
        Assert.Contains("ahead of the server clock", verdict.Reason);
        Assert.Equal(ReadingVerdict.Apply, ReadingOrder.Classify(state, new ReadingStamp(now.AddMinutes(2), 1, 1), now, Skew).Verdict);
    }

    [Fact]
    public void A_newer_sequence_with_a_clock_that_went_back_is_late_and_its_redelivery_a_duplicate()
    {
        var state = Applied(Stamp(1, minutes: 30));
        var backwards = Stamp(2, minutes: 10);
        var verdict = ReadingOrder.Classify(state, backwards, T0.AddDays(1), Skew);
        Assert.Equal(ReadingVerdict.Late, verdict.Verdict);
        Assert.Contains("clock went backwards", verdict.Reason);

        ReadingOrder.Record(state, backwards, ReadingVerdict.Late);
        Assert.Equal(ReadingVerdict.Duplicate, Classify(state, backwards));
        Assert.Equal(ReadingVerdict.Apply, Classify(state, Stamp(3, minutes: 45)));
    }

    [Fact]
    public void Reset_for_a_replaced_device_applies_whatever_comes_next()
    {
        var state = Applied(Stamp(1000, epoch: 9, minutes: 500));
        ReadingOrder.Reset(state);
        Assert.Equal(ReadingVerdict.Apply, Classify(state, Stamp(1, epoch: 1, minutes: 1)));
    }

    [Fact]
    public void Duplicates_and_readings_from_the_future_are_not_recorded()
    {
        var state = Applied(Stamp(1));
        ReadingOrder.Record(state, Stamp(7), ReadingVerdict.FromFuture);
        ReadingOrder.Record(state, Stamp(8), ReadingVerdict.Duplicate);
        Assert.Equal(1, state.HighestSequence);
    }

    [Fact]
    public void Counters_count_by_verdict()
    {
        var counters = new ReadingCounters();
        counters.Count(ReadingVerdict.Apply);
        counters.Count(ReadingVerdict.Apply);
        counters.Count(ReadingVerdict.Late);
        counters.Count(ReadingVerdict.Duplicate);
        counters.Count(ReadingVerdict.FromFuture);
        counters.CountInvalid();
        Assert.Equal((2L, 1L, 1L, 1L, 1L), (counters.Applied, counters.Late, counters.Duplicates, counters.FromFuture, counters.Invalid));
    }
}
