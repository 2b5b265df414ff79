using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Streetlights;

public class StreetlightValidationTests
{
    private static readonly StreetlightParameters Lamp = new() { RatedPowerWatts = 100, StandbyPowerWatts = 1 };

    [Fact]
    public void Sound_parameters_break_no_rule() => Assert.Empty(StreetlightValidation.Validate(Lamp));

    [Theory]
    [InlineData(0, 1, "ratedPower")]
    [InlineData(2500, 1, "ratedPower")]
    [InlineData(100, -1, "standbyPower")]
    [InlineData(100, 11, "standbyPower")]
    public void Power_ratings_must_be_physical(double rated, double standby, string field)
    {
        var violation = Assert.Single(StreetlightValidation.Validate(
            new StreetlightParameters { RatedPowerWatts = rated, StandbyPowerWatts = standby }));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void Every_broken_parameter_rule_is_reported_at_once()
    {
        var violations = StreetlightValidation.Validate(new StreetlightParameters
        {
            RatedPowerWatts = double.NaN, StandbyPowerWatts = 1, PowerTolerance = 0, LevelTolerance = 0.5,
            FaultConfirmationReadings = 0, ReportingInterval = TimeSpan.FromSeconds(1), MaxGapIntervals = 0,
        });

        Assert.Equal(
            ["ratedPower", "powerTolerance", "levelTolerance", "faultConfirmationReadings", "reportingInterval", "maxGapIntervals"],
            violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(1.2, null, null, "illuminanceLevel")]
    [InlineData(-0.01, null, null, "illuminanceLevel")]
    [InlineData(null, -1.0, null, "powerConsumption")]
    [InlineData(null, 202.0, null, "powerConsumption")]
    [InlineData(null, double.PositiveInfinity, null, "powerConsumption")]
    [InlineData(null, null, -5.0, "ambientLux")]
    [InlineData(null, null, 200_000.0, "ambientLux")]
    public void Out_of_range_readings_are_refused(double? level, double? watts, double? lux, string field)
    {
        var violation = Assert.Single(StreetlightValidation.Validate(new StreetlightReading(
            IlluminanceLevel: level, PowerConsumption: watts, AmbientLux: lux), Lamp));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_refusal_names_the_value_and_the_allowed_range()
    {
        var violation = Assert.Single(StreetlightValidation.Validate(new StreetlightReading(PowerConsumption: 250), Lamp));
        Assert.Equal(new("powerConsumption", "250 is outside 0..201 W"), violation);
    }

    [Fact]
    public void An_empty_reading_is_refused()
    {
        var violation = Assert.Single(StreetlightValidation.Validate(new StreetlightReading(), Lamp));
        Assert.Equal("reading", violation.Field);
    }

    [Fact]
    public void An_undefined_power_state_is_refused()
    {
        var violation = Assert.Single(StreetlightValidation.Validate(new StreetlightReading(PowerState: (PowerState)9), Lamp));
        Assert.Equal("powerState", violation.Field);
    }

    [Fact]
    public void A_refused_reading_leaves_the_state_untouched()
    {
        var state = new StreetlightState();
        var outcome = StreetlightRules.Apply(state, Lamp, new StreetlightReading(IlluminanceLevel: 3), DateTimeOffset.UnixEpoch);

        Assert.False(outcome.Accepted);
        Assert.Null(state.IlluminanceLevel);
        Assert.Null(state.LastReadingAt);
        Assert.Equal(0, state.History.Count);
    }
}
