using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class StalenessTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_deadline_is_the_last_report_plus_the_allowed_silence()
    {
        var policy = new StalenessPolicy(TimeSpan.FromMinutes(15), 2, TimeSpan.FromMinutes(10));
        var startedAt = T0.AddDays(-1);
        Assert.Equal(T0.AddMinutes(45), Staleness.DeadlineFor(T0, policy, startedAt));
    }

    [Fact]
    public void After_a_restart_the_startup_grace_keeps_old_twins_from_going_stale_at_once()
    {
        var policy = StalenessPolicy.Bins;
        var lastHeard = T0.AddHours(-6);
        var startedAt = T0;
        Assert.Equal(T0 + policy.StartupGrace, Staleness.DeadlineFor(lastHeard, policy, startedAt));
    }

    [Fact]
    public void A_twin_that_never_heard_from_its_device_counts_from_its_start() =>
        Assert.Equal(T0.AddMinutes(60), Staleness.DeadlineFor(null, StalenessPolicy.Bins, T0));

    [Fact]
    public void Going_stale_and_coming_back_are_signalled_once_each()
    {
        var liveness = new TwinLiveness();
        var policy = StalenessPolicy.Streetlights;
        var startedAt = T0.AddDays(-1);
        Assert.Null(Staleness.Heard(liveness, T0));

        Assert.Null(Staleness.CheckOverdue(liveness, T0.AddMinutes(14), policy, startedAt));
        var stale = Staleness.CheckOverdue(liveness, T0.AddMinutes(16), policy, startedAt);
        Assert.Equal(new TwinSignal(TwinSignalKind.BecameStale, "stale", $"last heard {T0:O}"), stale);
        Assert.True(liveness.Stale);
        Assert.Equal(T0.AddMinutes(15), liveness.StaleSince);
        Assert.Null(Staleness.CheckOverdue(liveness, T0.AddMinutes(30), policy, startedAt));

        var back = Staleness.Heard(liveness, T0.AddMinutes(40));
        Assert.Equal(TwinSignalKind.BackOnline, back?.Kind);
        Assert.False(liveness.Stale);
        Assert.Null(Staleness.Heard(liveness, T0.AddMinutes(41)));
    }

    [Fact]
    public void Default_policies_are_valid_and_ordered_by_how_chatty_the_kind_is()
    {
        StalenessPolicy[] policies =
            [StalenessPolicy.Trucks, StalenessPolicy.Intersections, StalenessPolicy.Streetlights, StalenessPolicy.AirQuality, StalenessPolicy.Bins];
        Assert.All(policies, p => Assert.Empty(p.Validate()));
        Assert.Equal(policies.OrderBy(p => p.ExpectedInterval), policies);
        Assert.All(policies, p => Assert.True(p.StartupGrace >= p.Tolerance));
        Assert.Equal(TimeSpan.FromMinutes(15), StalenessPolicy.Bins.ExpectedInterval);
    }

    [Fact]
    public void A_policy_with_nonsense_values_is_refused() =>
        Assert.Equal(["expectedInterval", "missedReportsAllowed", "startupGrace"],
            new StalenessPolicy(TimeSpan.Zero, -1, TimeSpan.FromSeconds(-1)).Validate().Select(v => v.Field));
}
