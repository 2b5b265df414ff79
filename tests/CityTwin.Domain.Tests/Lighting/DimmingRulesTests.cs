using CityTwin.Domain.Lighting;

namespace CityTwin.Domain.Tests.Lighting;

public class DimmingRulesTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DimmingPolicy Policy = new() { DistrictId = "centrum" };

    // 15 January 2025 in Amsterdam: the Sun rises about 08:45 and sets about 16:50 local time (CET, UTC+1).
    private static readonly DateTimeOffset Night = new(2025, 1, 15, 23, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Noon = new(2025, 1, 15, 12, 0, 0, TimeSpan.FromHours(1));

    private static DimmingDecision Target(LightContext light, DateTimeOffset now, DimmingPolicy? policy = null, params LightingOverride[] overrides) =>
        DimmingRules.Target(policy ?? Policy, light, overrides, SunTimes.Around(52.37, 4.90, now, Amsterdam, (policy ?? Policy).Horizon), now);

    [Fact]
    public void Off_in_daylight_whatever_the_street_says()
    {
        var decision = Target(new("l1", PresenceDetected: true, NearbyTrafficPerHour: 2000, NeighbourFailed: true), Noon);

        Assert.Equal(new DimmingDecision(0, DimmingReason.Daylight), decision);
    }

    [Fact]
    public void Dimmed_in_the_dark_with_nobody_there_and_little_traffic()
    {
        var decision = Target(new("l1", NearbyTrafficPerHour: 120), Night);

        Assert.Equal(new DimmingDecision(Policy.DimmedLevel, DimmingReason.NoActivity), decision);
    }

    [Fact]
    public void Traffic_above_the_low_limit_raises_the_level()
    {
        Assert.Equal(DimmingReason.NoActivity, Target(new("l1", NearbyTrafficPerHour: Policy.LowTrafficPerHour), Night).Reason);

        var decision = Target(new("l1", NearbyTrafficPerHour: Policy.LowTrafficPerHour + 1), Night);
        Assert.Equal(new DimmingDecision(Policy.TrafficLevel, DimmingReason.Traffic), decision);
    }

    [Fact]
    public void Presence_means_full_and_holds_for_the_policy_s_hold_time()
    {
        Assert.Equal(new DimmingDecision(1, DimmingReason.Presence), Target(new("l1", PresenceDetected: true, NearbyTrafficPerHour: 2000), Night));

        var seen = Night - Policy.PresenceHold + TimeSpan.FromSeconds(1);
        Assert.Equal(DimmingReason.Presence, Target(new("l1", LastPresenceAt: seen), Night).Reason);
        var seenLonger = Night - Policy.PresenceHold;
        Assert.Equal(DimmingReason.NoActivity, Target(new("l1", LastPresenceAt: seenLonger), Night).Reason);
    }

    [Fact]
    public void Neighbours_of_a_failed_light_are_raised()
    {
        var decision = Target(new("l1", NeighbourFailed: true), Night);

        Assert.Equal(new DimmingDecision(Policy.FailedNeighbourLevel, DimmingReason.NeighbourFailed), decision);
    }

    [Fact]
    public void Never_below_the_safety_minimum_even_where_a_stored_policy_dims_deeper()
    {
        // Validation refuses such a policy; a rule must still not go below the floor if one slipped through.
        var deep = Policy with { DimmedLevel = 0.05, SafetyMinimumLevel = 0.2 };
        Assert.NotEmpty(deep.Validate());

        Assert.Equal(new DimmingDecision(0.2, DimmingReason.SafetyMinimum), Target(new("l1"), Night, deep));
    }

    [Fact]
    public void Civil_twilight_keeps_the_lights_off_longer_at_dusk()
    {
        // 17:10 local: after sunset (about 16:50), before the end of civil dusk (about 17:30).
        var dusk = new DateTimeOffset(2025, 1, 15, 17, 10, 0, TimeSpan.FromHours(1));

        Assert.Equal(DimmingReason.NoActivity, Target(new("l1"), dusk).Reason);
        Assert.Equal(DimmingReason.Daylight, Target(new("l1"), dusk, Policy with { Horizon = SunHorizon.CivilTwilight }).Reason);
    }

    [Fact]
    public void An_override_wins_over_sun_presence_and_floor_until_it_expires()
    {
        var off = new LightingOverride("o1", "l1", 0, Night.AddHours(-1), Night.AddHours(1), "operator@city", Night.AddHours(-1), "cable work");
        var light = new LightContext("l1", PresenceDetected: true);

        Assert.Equal(new DimmingDecision(0, DimmingReason.Override, "o1"), Target(light, Night, null, off));
        Assert.Equal(DimmingReason.Presence, Target(light, Night.AddHours(1), null, off).Reason);
        Assert.Equal(DimmingReason.Presence, Target(light, Night.AddHours(-2), null, off).Reason);
    }

    [Fact]
    public void A_light_s_own_override_beats_its_district_s_and_the_later_set_beats_the_earlier()
    {
        var districtFull = new LightingOverride("d", null, 1, Night.AddHours(-1), Night.AddHours(3), "ops", Night.AddHours(-1));
        var lightHalf = new LightingOverride("l", "l1", 0.5, Night.AddHours(-1), Night.AddHours(1), "ops", Night.AddHours(-2));
        var districtOff = new LightingOverride("d2", null, 0, Night.AddHours(-1), Night.AddHours(3), "ops", Night.AddHours(-0.5));

        Assert.Equal("l", Target(new("l1"), Night, null, districtFull, lightHalf, districtOff).OverrideId);
        Assert.Equal("d2", Target(new("l2"), Night, null, districtFull, lightHalf, districtOff).OverrideId);
        Assert.Equal("d2", Target(new("l1"), Night.AddHours(2), null, districtFull, lightHalf, districtOff).OverrideId);
        Assert.Single(DimmingRules.WithoutExpired([districtFull, lightHalf], Night.AddHours(1)));
    }

    [Fact]
    public void Polar_night_keeps_the_lights_on_at_noon_and_midnight_sun_keeps_them_off_at_midnight()
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var decemberNoon = new DateTimeOffset(2025, 12, 21, 12, 0, 0, TimeSpan.FromHours(1));
        var juneMidnight = new DateTimeOffset(2025, 6, 21, 0, 30, 0, TimeSpan.FromHours(2));

        var winter = DimmingRules.Target(Policy, new("l1"), [], SunTimes.Around(69.65, 18.96, decemberNoon, oslo), decemberNoon);
        var summer = DimmingRules.Target(Policy, new("l1"), [], SunTimes.Around(69.65, 18.96, juneMidnight, oslo), juneMidnight);

        Assert.Equal(DimmingReason.NoActivity, winter.Reason);
        Assert.Equal(DimmingReason.Daylight, summer.Reason);
    }
}
