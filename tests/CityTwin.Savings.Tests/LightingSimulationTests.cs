using CityTwin.Savings.District;
using CityTwin.Savings.Lighting;

namespace CityTwin.Savings.Tests;

public class LightingSimulationTests
{
    [Fact]
    public void No_light_with_presence_stays_below_full_longer_than_the_reaction_time()
    {
        var week = LightingSimulation.Run(SmallDistrict.Generate());

        Assert.True(week.PresenceOnsets > 50, $"only {week.PresenceOnsets} presence onsets: the invariant would be checked on too little");
        Assert.Equal(0, week.ReactionViolations);
        Assert.Equal(0, week.LateCommands);
        Assert.True(week.WorstReaction <= week.ReactionTime, $"worst reaction {week.WorstReaction}");
    }

    [Fact]
    public void A_command_rate_too_low_for_the_presence_load_is_counted_as_violations()
    {
        // 0.5 commands/s still lets one command through within 2 s (a valid policy), but not 80 lights' worth at dusk.
        var district = GeneratedDistrict.Generate(7, SmallDistrict.Settings with { Lights = 80, WeekDays = 1 });
        var slow = district.Settings.Policy with { MaxCommandsPerSecond = 0.5 };

        var week = LightingSimulation.Run(district, slow);

        Assert.True(week.ReactionViolations > 0);
        Assert.True(week.LateCommands > 0);
        Assert.True(week.WorstReaction > slow.ReactionTime);
    }

    [Fact]
    public void Dimming_uses_less_energy_than_full_from_dusk_to_dawn_and_never_more_than_it()
    {
        var district = SmallDistrict.Generate();
        var week = LightingSimulation.Run(district);
        var always = LightingSimulation.Run(district, district.Settings.Policy with { DimmedLevel = 1, TrafficLevel = 1, SafetyMinimumLevel = 1 });

        Assert.InRange(week.UsedKwh, 0.3 * week.BaselineKwh, 0.9 * week.BaselineKwh);
        // A policy that never dims is the baseline itself.
        Assert.Equal(always.BaselineKwh, always.UsedKwh, 6);
        Assert.Equal(week.BaselineKwh, always.BaselineKwh, 6);
    }
}
