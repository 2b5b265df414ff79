using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Streetlights;

public class StreetlightLevelTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);
    private static readonly StreetlightParameters Lamp = new() { RatedPowerWatts = 100, StandbyPowerWatts = 1 };

    [Fact]
    public void A_command_is_pending_until_the_node_reports_the_level()
    {
        var state = new StreetlightState();
        Assert.Empty(StreetlightRules.RequestLevel(state, 0.5, T0));

        Assert.Equal(0.5, state.DesiredLevel);
        Assert.Equal(T0, state.DesiredLevelIssuedAt);
        Assert.False(state.DesiredLevelConfirmed);

        var withoutLevel = StreetlightRules.Apply(state, Lamp, new(PowerConsumption: 51), T0.AddMinutes(1));
        Assert.False(withoutLevel.DesiredLevelConfirmed);
        Assert.False(state.DesiredLevelConfirmed);
    }

    [Fact]
    public void A_reported_level_within_tolerance_confirms_the_command_once()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.5, T0);

        var first = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.52), T0.AddMinutes(1));
        var second = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.5), T0.AddMinutes(16));

        Assert.True(first.DesiredLevelConfirmed);
        Assert.False(second.DesiredLevelConfirmed);
        Assert.True(state.DesiredLevelConfirmed);
    }

    [Fact]
    public void A_reported_level_outside_tolerance_leaves_the_command_unconfirmed()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.5, T0);

        var outcome = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.8), T0.AddMinutes(1));

        Assert.False(outcome.DesiredLevelConfirmed);
        Assert.False(state.DesiredLevelConfirmed);
        Assert.Equal(0.8, state.IlluminanceLevel);
    }

    [Fact]
    public void A_node_that_drifts_off_a_confirmed_level_is_unconfirmed_again()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.5, T0);
        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.5), T0.AddMinutes(1));

        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 1), T0.AddMinutes(16));

        Assert.False(state.DesiredLevelConfirmed);
    }

    [Fact]
    public void A_new_command_needs_its_own_confirmation()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.5, T0);
        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.5), T0.AddMinutes(1));

        StreetlightRules.RequestLevel(state, 0.2, T0.AddMinutes(2));

        Assert.False(state.DesiredLevelConfirmed);
        Assert.Equal(T0.AddMinutes(2), state.DesiredLevelIssuedAt);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_level_outside_zero_to_one_is_refused_and_changes_nothing(double level)
    {
        var state = new StreetlightState();
        var violation = Assert.Single(StreetlightRules.RequestLevel(state, level, T0));

        Assert.Equal("desiredLevel", violation.Field);
        Assert.Null(state.DesiredLevel);
    }

    [Theory]
    [InlineData(0, PowerState.Off)]
    [InlineData(0.5, PowerState.Low)]
    [InlineData(0.96, PowerState.On)]
    [InlineData(1, PowerState.On)]
    public void The_power_state_follows_the_level_when_the_node_does_not_report_one(double level, PowerState expected)
    {
        var state = new StreetlightState();
        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: level), T0);

        Assert.Equal(expected, state.PowerState);
    }

    [Fact]
    public void A_reported_power_state_wins_over_the_derived_one()
    {
        var state = new StreetlightState();
        var outcome = StreetlightRules.Apply(state, Lamp, new(PowerState: PowerState.BootingUp, IlluminanceLevel: 0), T0);

        Assert.Equal(PowerState.BootingUp, state.PowerState);
        Assert.True(outcome.PowerStateChanged);
    }
}
