using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Twins;

public sealed class WriteBehindPaceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_round_spreads_its_writes_evenly_over_most_of_the_interval()
    {
        var pace = WriteBehindPace.ForRound(10_000, Interval);

        Assert.Equal(TimeSpan.Zero, pace.StartOf(0));
        Assert.Equal(TimeSpan.FromSeconds(2), pace.StartOf(5_000));
        Assert.Equal(TimeSpan.FromSeconds(4), pace.StartOf(10_000));
        Assert.True(pace.StartOf(9_999) < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_write_that_is_ahead_waits_for_its_start_and_a_late_one_does_not_wait()
    {
        var pace = WriteBehindPace.ForRound(100, Interval);

        Assert.Equal(TimeSpan.FromMilliseconds(1_500), pace.WaitBefore(50, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(TimeSpan.Zero, pace.WaitBefore(50, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.Zero, WriteBehindPace.ForRound(0, Interval).WaitBefore(0, TimeSpan.Zero));
    }

    [Fact]
    public void The_next_round_starts_an_interval_after_this_one_or_after_the_database_had_its_pause()
    {
        Assert.Equal(Interval, WriteBehindPace.NextRoundAfter(Interval, TimeSpan.FromSeconds(4)));
        // The database fell behind the pace: it still gets the fifth of an interval the pace leaves free.
        Assert.Equal(TimeSpan.FromSeconds(8), WriteBehindPace.NextRoundAfter(Interval, TimeSpan.FromSeconds(7)));
    }
}
