using System.Globalization;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Lighting;
using CityTwin.Grains.Districts;
using CityTwin.Grains.Districts.Lighting;

namespace CityTwin.Grains.Tests.Districts;

/// <summary>
/// When the planner says the targets may next change by themselves: the earliest presence hold still running
/// (found without looking at every light), else the sun.
/// </summary>
public sealed class LightingPlannerTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    // Midsummer noon: the next sun change is hours away, so a running hold comes first.
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2026-06-21T12:00:00+02:00", CultureInfo.InvariantCulture);

    private readonly LightingPlanner planner = new(52.37, 4.89, Amsterdam);
    private readonly DistrictPicture picture = new();
    private readonly DistrictCoordinationState state = new();

    private static AssetPicture Light(bool presence) => new(
        new Dictionary<string, string> { [PictureBands.Presence] = presence ? "yes" : "no", [PictureBands.Power] = "on" },
        new Dictionary<string, double>());

    private void Report(string lightId, bool presence, DateTimeOffset at)
    {
        var light = Light(presence);
        var previous = picture.Set(lightId, AssetKind.Streetlight, light);
        planner.Observe(lightId, previous, light, at, picture);
    }

    private static DimmingPolicy Policy(TimeSpan hold) => new() { DistrictId = "d", PresenceHold = hold };

    private DateTimeOffset? SunChange(DateTimeOffset now) => planner.DaylightAt(now, SunHorizon.Standard).NextChange(now);

    [Fact]
    public void The_next_change_is_the_end_of_the_earliest_hold_still_running_then_the_sun()
    {
        var policy = Policy(TimeSpan.FromMinutes(2));
        Report("a", true, Noon);
        Report("b", true, Noon.AddSeconds(30));
        Report("c", false, Noon.AddSeconds(40)); // never saw anyone: no hold

        Assert.Equal(Noon.AddMinutes(2), planner.NextChange(state, policy, Noon.AddSeconds(50)));
        // a's hold ended; b's runs on.
        Assert.Equal(Noon.AddSeconds(30).AddMinutes(2), planner.NextChange(state, policy, Noon.AddMinutes(2)));
        // a saw someone again: its new hold ends after b's.
        Report("a", true, Noon.AddMinutes(2).AddSeconds(10));
        Assert.Equal(Noon.AddSeconds(30).AddMinutes(2), planner.NextChange(state, policy, Noon.AddMinutes(2).AddSeconds(10)));
        // Presence gone: the hold counts from the report that cleared it.
        Report("b", false, Noon.AddMinutes(2).AddSeconds(20));
        Assert.Equal(Noon.AddMinutes(4).AddSeconds(10), planner.NextChange(state, policy, Noon.AddMinutes(2).AddSeconds(40)));
        Assert.Equal(Noon.AddMinutes(4).AddSeconds(20), planner.NextChange(state, policy, Noon.AddMinutes(4).AddSeconds(10)));

        var later = Noon.AddMinutes(10);
        Assert.Equal(SunChange(later), planner.NextChange(state, policy, later));
    }

    [Fact]
    public void A_longer_hold_brings_back_holds_a_shorter_one_had_ended_and_a_light_that_left_has_none()
    {
        Report("a", true, Noon);
        Report("b", true, Noon.AddMinutes(1));
        var now = Noon.AddMinutes(5);
        Assert.Equal(SunChange(now), planner.NextChange(state, Policy(TimeSpan.FromMinutes(2)), now));

        Assert.Equal(Noon.AddMinutes(10), planner.NextChange(state, Policy(TimeSpan.FromMinutes(10)), now));

        planner.Observe("a", picture.Remove("a"), null, now, picture);
        Assert.Equal(Noon.AddMinutes(11), planner.NextChange(state, Policy(TimeSpan.FromMinutes(10)), now));
    }

    [Fact]
    public void Among_many_lights_the_answer_is_the_earliest_hold_of_all()
    {
        var policy = Policy(TimeSpan.FromMinutes(2));
        var random = new Random(7);
        var seen = new Dictionary<string, DateTimeOffset>();
        var now = Noon;
        for (var step = 0; step < 5_000; step++)
        {
            now = now.AddMilliseconds(random.Next(0, 100));
            var light = $"l-{random.Next(300)}";
            var present = random.Next(3) == 0;
            var wasPresent = picture.Of(light)?.Band(PictureBands.Presence) == "yes";
            Report(light, present, now);
            if (present || wasPresent)
                seen[light] = now;
            if (step % 97 != 0)
                continue;
            var running = seen.Values.Select(s => s + policy.PresenceHold).Where(end => end > now).ToList();
            var expected = running.Count > 0 ? running.Min() : SunChange(now);
            Assert.Equal(expected, planner.NextChange(state, policy, now));
        }
    }
}
