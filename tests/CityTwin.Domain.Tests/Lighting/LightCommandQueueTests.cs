using CityTwin.Domain.Lighting;

namespace CityTwin.Domain.Tests.Lighting;

public class LightCommandQueueTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 15, 17, 0, 0, TimeSpan.Zero);
    private static readonly DimmingPolicy Policy = new() { DistrictId = "centrum", MaxCommandsPerSecond = 10, ReactionTime = TimeSpan.FromSeconds(2) };

    private static DimmingDecision Dimmed => new(0.4, DimmingReason.NoActivity);

    [Fact]
    public void Only_a_changed_target_is_sent()
    {
        var queue = new LightCommandQueue();
        Assert.True(queue.Offer("l1", Dimmed, T0));
        Assert.Single(queue.Drain(Policy, T0).Send);

        Assert.False(queue.Offer("l1", new(0.402, DimmingReason.NoActivity), T0.AddSeconds(5)));
        Assert.Empty(queue.Drain(Policy, T0.AddSeconds(5)).Send);

        Assert.True(queue.Offer("l1", new(1, DimmingReason.Presence), T0.AddSeconds(6)));
        Assert.Equal(1, Assert.Single(queue.Drain(Policy, T0.AddSeconds(6)).Send).Level);
    }

    [Fact]
    public void A_target_that_returns_to_the_sent_level_cancels_the_waiting_change()
    {
        var queue = new LightCommandQueue();
        queue.Offer("l1", Dimmed, T0);
        queue.Drain(Policy, T0);

        queue.Offer("l1", new(0.75, DimmingReason.Traffic), T0.AddSeconds(1));
        queue.Offer("l1", Dimmed, T0.AddSeconds(1));

        Assert.Empty(queue.Pending);
    }

    [Fact]
    public void No_more_than_the_policy_s_rate_leaves_and_the_rest_waits_for_budget()
    {
        var queue = new LightCommandQueue();
        for (var i = 0; i < 25; i++)
            queue.Offer($"l{i:00}", Dimmed, T0);

        var first = queue.Drain(Policy, T0);
        Assert.Equal(10, first.Send.Count);
        Assert.Equal(15, first.Waiting);
        Assert.Equal(T0.AddSeconds(0.1), first.NextDrainAt);

        Assert.Empty(queue.Drain(Policy, T0.AddSeconds(0.05)).Send);
        Assert.Equal(5, queue.Drain(Policy, T0.AddSeconds(0.55)).Send.Count);
        var rest = queue.Drain(Policy, T0.AddSeconds(10));
        Assert.Equal(10, rest.Send.Count); // the bucket holds one second's worth, not ten
        Assert.Null(rest.NextDrainAt);
    }

    [Fact]
    public void A_budget_just_short_of_one_command_names_a_later_instant_at_which_the_command_leaves()
    {
        var queue = new LightCommandQueue();
        queue.Offer("l1", Dimmed, T0);
        queue.Drain(Policy, T0);
        queue.Offer("l2", Dimmed, T0);
        queue.Tokens = 1 - 1e-8; // what float arithmetic leaves after many refills

        var waiting = queue.Drain(Policy, T0);
        Assert.Empty(waiting.Send);
        Assert.True(waiting.NextDrainAt > T0, $"next drain at {waiting.NextDrainAt:O}, not after {T0:O}");
        Assert.Single(queue.Drain(Policy, waiting.NextDrainAt!.Value).Send);
    }

    [Fact]
    public void Presence_jumps_the_dusk_queue_and_is_sent_within_the_reaction_time()
    {
        var queue = new LightCommandQueue();
        for (var i = 0; i < 100; i++)
            queue.Offer($"l{i:000}", Dimmed, T0);
        queue.Drain(Policy, T0);

        queue.Offer("l099", new(1, DimmingReason.Presence), T0.AddSeconds(0.1));
        var batch = queue.Drain(Policy, T0.AddSeconds(0.1));

        // The dusk changes still wait; the one token that has come back goes to the presence raise.
        var sent = Assert.Single(batch.Send);
        Assert.Equal(("l099", 1.0, false), (sent.LightId, sent.Level, sent.Late));
        Assert.Equal(89, batch.Waiting);
    }

    [Fact]
    public void Raises_go_before_lowering_and_a_starved_presence_raise_is_reported_late()
    {
        var slow = Policy with { MaxCommandsPerSecond = 1, ReactionTime = TimeSpan.FromSeconds(1) };
        var queue = new LightCommandQueue();
        queue.Offer("a", new(1, DimmingReason.NoActivity), T0);
        queue.Offer("b", new(1, DimmingReason.NoActivity), T0);
        queue.Drain(slow, T0);
        queue.Drain(slow, T0.AddSeconds(1));

        queue.Offer("a", new(0, DimmingReason.Daylight), T0.AddSeconds(2));
        queue.Offer("p1", new(1, DimmingReason.Presence), T0.AddSeconds(2));
        queue.Offer("p2", new(1, DimmingReason.Presence), T0.AddSeconds(2));
        queue.Offer("t", new(0.75, DimmingReason.Traffic), T0.AddSeconds(2));

        Assert.Equal("p1", Assert.Single(queue.Drain(slow, T0.AddSeconds(2)).Send).LightId);
        var second = queue.Drain(slow, T0.AddSeconds(3.5));
        Assert.Equal(("p2", true), (Assert.Single(second.Send).LightId, second.Send[0].Late));
        Assert.Equal("t", Assert.Single(queue.Drain(slow, T0.AddSeconds(4.5)).Send).LightId);
        Assert.Equal("a", Assert.Single(queue.Drain(slow, T0.AddSeconds(5.5)).Send).LightId);
    }

    [Fact]
    public void A_presence_raise_still_waiting_past_the_reaction_time_is_listed_overdue()
    {
        var slow = Policy with { MaxCommandsPerSecond = 1, ReactionTime = TimeSpan.FromSeconds(1) };
        var queue = new LightCommandQueue();
        queue.Offer("p1", new(1, DimmingReason.Presence), T0);
        queue.Offer("p2", new(1, DimmingReason.Presence), T0);
        queue.Offer("p3", new(1, DimmingReason.Presence), T0);

        queue.Drain(slow, T0);
        var later = queue.Drain(slow, T0.AddSeconds(1.5));

        Assert.Equal(["p3"], later.OverdueWaiting);
    }

    [Fact]
    public void A_light_asked_to_resend_gets_its_target_again()
    {
        var queue = new LightCommandQueue();
        queue.Offer("l1", Dimmed, T0);
        queue.Drain(Policy, T0);

        queue.Resend("l1");

        Assert.True(queue.Offer("l1", Dimmed, T0.AddSeconds(1)));
    }
}
