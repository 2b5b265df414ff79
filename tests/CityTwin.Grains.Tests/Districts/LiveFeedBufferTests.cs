using CityTwin.Contracts.Live;
using CityTwin.Grains.Districts.Feed;

namespace CityTwin.Grains.Tests.Districts;

/// <summary>The district's bounded event ring: numbering, resuming, wrapping, recording only while read.</summary>
public sealed class LiveFeedBufferTests
{
    private static readonly DateTimeOffset Activated = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    private static long Record(LiveFeedBuffer feed, string summary)
    {
        Assert.True(feed.TryNumber(out var id));
        feed.Add(new LiveEvent(id, LiveFeeds.Plan, Activated, Plan: new LivePlanChange("collection", null, summary)));
        return id;
    }

    [Fact]
    public void Ids_start_above_the_activation_time_and_grow_by_one()
    {
        var feed = new LiveFeedBuffer(Activated, capacity: 8);
        feed.Touch();
        var first = Record(feed, "a");
        Assert.True(first > Activated.ToUnixTimeMilliseconds() * 1000);
        Assert.Equal(first + 1, Record(feed, "b"));
        // The next activation, a millisecond later, numbers above everything this one did (up to 1,000 events).
        Assert.True(new LiveFeedBuffer(Activated.AddMilliseconds(1)).LatestId >= feed.LatestId);
    }

    [Fact]
    public void A_reader_resumes_with_the_events_after_its_id_in_order()
    {
        var feed = new LiveFeedBuffer(Activated, capacity: 8);
        feed.Touch();
        var first = Record(feed, "a");
        Record(feed, "b");
        Record(feed, "c");
        Assert.True(feed.CanResumeFrom(first));
        Assert.Equal(["b", "c"], feed.After(first, 10).Select(e => e.Plan!.Summary));
        Assert.Equal(["b"], feed.After(first, 1).Select(e => e.Plan!.Summary));
        Assert.Empty(feed.After(feed.LatestId, 10));
    }

    [Fact]
    public void Once_the_ring_has_wrapped_past_a_reader_it_cannot_resume()
    {
        var feed = new LiveFeedBuffer(Activated, capacity: 4);
        feed.Touch();
        var first = Record(feed, "0");
        for (var i = 1; i <= 4; i++)
            Record(feed, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(feed.CanResumeFrom(first - 1));
        Assert.True(feed.CanResumeFrom(first));
        Assert.Equal(["1", "2", "3", "4"], feed.After(first, 10).Select(e => e.Plan!.Summary));
        Record(feed, "5");
        Assert.False(feed.CanResumeFrom(first));
        Assert.Empty(feed.After(first, 10));
    }

    [Fact]
    public void Nothing_is_recorded_before_anyone_reads_and_no_earlier_id_can_resume()
    {
        var feed = new LiveFeedBuffer(Activated, capacity: 4);
        Assert.False(feed.TryNumber(out var unrecorded));
        Assert.False(feed.Recording);
        Assert.False(feed.CanResumeFrom(unrecorded - 1));
        Assert.True(feed.CanResumeFrom(unrecorded));
        feed.Touch();
        var recorded = Record(feed, "a");
        Assert.Equal(unrecorded + 1, recorded);
        Assert.Equal(["a"], feed.After(unrecorded, 10).Select(e => e.Plan!.Summary));
        Assert.False(feed.CanResumeFrom(0));
        Assert.False(feed.CanResumeFrom(feed.LatestId + 1));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_an_event_is_added()
    {
        var feed = new LiveFeedBuffer(Activated, capacity: 4);
        feed.Touch();
        var waiting = feed.WaitForNextAsync(TimeSpan.FromMinutes(1));
        Assert.False(waiting.IsCompleted);
        Record(feed, "a");
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
