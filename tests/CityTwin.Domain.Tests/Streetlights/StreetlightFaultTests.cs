using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Streetlights;

public class StreetlightFaultTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);

    // 100 W lamp, 1 W standby: 101 W at full, 51 W at half.
    private static readonly StreetlightParameters Lamp = new() { RatedPowerWatts = 100, StandbyPowerWatts = 1 };

    private static List<StreetlightOutcome> ApplyAll(StreetlightState state, params StreetlightReading[] readings) =>
        readings.Select((r, i) => StreetlightRules.Apply(state, Lamp, r, T0.AddMinutes(15 * i))).ToList();

    private static StreetlightReading Full(double watts) => new(IlluminanceLevel: 1, PowerConsumption: watts);

    [Fact]
    public void The_first_reading_is_taken_as_it_is()
    {
        var state = new StreetlightState();
        var outcome = StreetlightRules.Apply(state, Lamp, Full(101), T0);

        Assert.True(outcome.Accepted);
        Assert.Empty(outcome.Signals);
        Assert.Equal(0, outcome.EnergyAddedKwh);
        Assert.Equal(StreetlightStatus.Ok, state.Status);
        Assert.Equal(PowerState.On, state.PowerState);
        Assert.Equal(101, state.PowerConsumption);
        Assert.Equal(T0, state.LastReadingAt);
    }

    [Fact]
    public void No_power_at_level_zero_is_no_fault()
    {
        var state = new StreetlightState();
        var off = new StreetlightReading(IlluminanceLevel: 0, PowerConsumption: 0);
        var outcomes = ApplyAll(state, off, off, off, off, off);

        Assert.All(outcomes, o => Assert.Empty(o.Signals));
        Assert.Equal(StreetlightStatus.Ok, state.Status);
        Assert.Equal(PowerState.Off, state.PowerState);
    }

    [Fact]
    public void A_single_glitch_raises_no_fault()
    {
        var state = new StreetlightState();
        var outcomes = ApplyAll(state, Full(101), Full(40), Full(101), Full(40), Full(100));

        Assert.All(outcomes, o => Assert.Empty(o.Signals));
        Assert.Equal(StreetlightStatus.Ok, state.Status);
    }

    [Fact]
    public void Too_little_power_for_the_level_on_consecutive_readings_is_a_defective_lamp()
    {
        var state = new StreetlightState();
        var outcomes = ApplyAll(state, Full(40), Full(40), Full(40));

        Assert.Empty(outcomes[0].Signals);
        Assert.Empty(outcomes[1].Signals);
        Assert.Equal([new StreetlightSignal(StreetlightSignal.DefectiveLamp, Raised: true)], outcomes[2].Signals);
        Assert.True(outcomes[2].StatusChanged);
        Assert.Equal(StreetlightStatus.DefectiveLamp, state.Status);
    }

    [Fact]
    public void Drawing_far_more_than_the_level_needs_is_a_defective_lamp_too()
    {
        var state = new StreetlightState();
        var half = new StreetlightReading(IlluminanceLevel: 0.5, PowerConsumption: 90);
        ApplyAll(state, half, half, half);

        Assert.Equal(StreetlightStatus.DefectiveLamp, state.Status);
    }

    [Fact]
    public void A_fault_clears_after_as_many_consistent_readings_and_not_before()
    {
        var state = new StreetlightState();
        ApplyAll(state, Full(40), Full(40), Full(40));

        var healing = Enumerable.Range(3, 3)
            .Select(i => StreetlightRules.Apply(state, Lamp, Full(101), T0.AddMinutes(15 * i)))
            .ToList();

        Assert.Empty(healing[0].Signals);
        Assert.Empty(healing[1].Signals);
        Assert.Equal([new StreetlightSignal(StreetlightSignal.DefectiveLamp, Raised: false)], healing[2].Signals);
        Assert.Equal(StreetlightStatus.Ok, state.Status);
    }

    [Fact]
    public void No_power_while_commanded_on_is_a_column_issue()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.8, T0);
        var dark = new StreetlightReading(PowerConsumption: 0);
        var outcomes = ApplyAll(state, dark, dark, dark);

        Assert.Equal([new StreetlightSignal(StreetlightSignal.ColumnIssue, Raised: true)], outcomes[2].Signals);
        Assert.Equal(StreetlightStatus.ColumnIssue, state.Status);
    }

    [Fact]
    public void A_node_that_reports_it_is_still_off_after_a_command_shows_no_lamp_fault()
    {
        var state = new StreetlightState();
        StreetlightRules.RequestLevel(state, 0.8, T0);
        var stillOff = new StreetlightReading(IlluminanceLevel: 0, PowerConsumption: 0);
        ApplyAll(state, stillOff, stillOff, stillOff);

        Assert.Equal(StreetlightStatus.Ok, state.Status);
        Assert.False(state.DesiredLevelConfirmed);
    }

    [Fact]
    public void One_fault_replacing_another_clears_the_old_and_raises_the_new()
    {
        var state = new StreetlightState();
        ApplyAll(state, Full(0), Full(0), Full(0));
        Assert.Equal(StreetlightStatus.ColumnIssue, state.Status);

        var outcomes = Enumerable.Range(3, 3)
            .Select(i => StreetlightRules.Apply(state, Lamp, Full(40), T0.AddMinutes(15 * i)))
            .ToList();

        Assert.Equal(
            [new StreetlightSignal(StreetlightSignal.ColumnIssue, false), new StreetlightSignal(StreetlightSignal.DefectiveLamp, true)],
            outcomes[2].Signals);
    }

    [Fact]
    public void Readings_without_power_neither_raise_nor_break_a_fault_streak()
    {
        var state = new StreetlightState();
        var outcomes = ApplyAll(state, Full(40), Full(40), new StreetlightReading(AmbientLux: 3), Full(40));

        Assert.Single(outcomes[3].Signals);
        Assert.Equal(3, state.AmbientLux);
    }
}
