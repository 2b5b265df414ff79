using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Streetlights;

public class StreetlightEnergyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);

    // Reports every 15 minutes; gaps over an hour are not integrated in full.
    private static readonly StreetlightParameters Lamp = new()
    {
        RatedPowerWatts = 100, StandbyPowerWatts = 1, ReportingInterval = TimeSpan.FromMinutes(15), MaxGapIntervals = 4,
    };

    private static StreetlightState After(params (int Minutes, double Level, double Watts)[] readings)
    {
        var state = new StreetlightState();
        foreach (var (minutes, level, watts) in readings)
            StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: level, PowerConsumption: watts), T0.AddMinutes(minutes));
        return state;
    }

    [Fact]
    public void Constant_power_integrates_to_power_times_time()
    {
        var state = After((0, 1, 101), (15, 1, 101));

        Assert.Equal(101 * 0.25 / 1000, state.EnergyUsedKwh, 9);
        Assert.Equal(101 * 0.25 / 1000, state.FullPowerEnergyKwh, 9);
    }

    [Fact]
    public void A_change_between_readings_integrates_as_a_trapezoid_and_dimming_saves_against_full_power()
    {
        var state = After((0, 1, 101), (15, 0.5, 51));

        Assert.Equal((101 + 51) / 2.0 * 0.25 / 1000, state.EnergyUsedKwh, 9);
        Assert.Equal(101 * 0.25 / 1000, state.FullPowerEnergyKwh, 9);
    }

    [Fact]
    public void A_long_gap_holds_the_last_power_for_the_trusted_span_only()
    {
        var state = After((0, 1, 101), (5 * 60, 1, 101));

        // Four 15-minute intervals: one hour at 101 W, not five.
        Assert.Equal(0.101, state.EnergyUsedKwh, 9);
        Assert.Equal(0.101, state.FullPowerEnergyKwh, 9);
    }

    [Fact]
    public void A_gap_just_inside_the_trusted_span_is_integrated_in_full()
    {
        var state = After((0, 1, 101), (60, 1, 101));

        Assert.Equal(0.101, state.EnergyUsedKwh, 9);
    }

    [Fact]
    public void Standby_counts_as_energy_used_but_not_as_lit_time()
    {
        var state = After((0, 0, 1), (60, 0, 1));

        Assert.Equal(0.001, state.EnergyUsedKwh, 9);
        Assert.Equal(0, state.FullPowerEnergyKwh);
    }

    [Fact]
    public void Without_a_measurement_the_modelled_power_is_integrated()
    {
        var state = new StreetlightState();
        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.5), T0);
        var outcome = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 0.5), T0.AddMinutes(60));

        Assert.Equal(0.051, outcome.EnergyAddedKwh, 9);
        Assert.Null(state.PowerConsumption);
    }

    [Fact]
    public void The_outcome_reports_the_energy_each_reading_added()
    {
        var state = After((0, 1, 101));
        var outcome = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 1, PowerConsumption: 101), T0.AddMinutes(30));

        Assert.Equal(101 * 0.5 / 1000, outcome.EnergyAddedKwh, 9);
        Assert.Equal(outcome.EnergyAddedKwh, state.EnergyUsedKwh, 9);
    }
}
