using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class AirQualityValidationTests
{
    private static readonly AirQualityParameters Sensor = new()
    {
        MeasuredPollutants = [Pollutant.Pm25, Pollutant.Pm10, Pollutant.No2, Pollutant.O3],
    };

    [Fact]
    public void Sound_parameters_break_no_rule() => Assert.Empty(AirQualityValidation.Validate(Sensor));

    [Fact]
    public void Every_broken_parameter_rule_is_reported_at_once()
    {
        var violations = AirQualityValidation.Validate(new AirQualityParameters { MeasuredPollutants = [], PoorAirClearHours = 24 });
        Assert.Equal(["measuredPollutants", "poorAirClearHours"], violations.Select(v => v.Field));
    }

    [Fact]
    public void A_pollutant_listed_twice_or_undefined_is_refused()
    {
        var violations = AirQualityValidation.Validate(new AirQualityParameters { MeasuredPollutants = [Pollutant.O3, Pollutant.O3, (Pollutant)7] });
        Assert.Equal(["measuredPollutants", "measuredPollutants"], violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(-3.0, null, null, null, "pm25")]
    [InlineData(1000.5, null, null, null, "pm25")]
    [InlineData(null, 1001.0, null, null, "pm10")]
    [InlineData(null, null, 2001.0, null, "no2")]
    [InlineData(null, null, null, 1000.1, "o3")]
    [InlineData(double.NaN, null, null, null, "pm25")]
    public void Concentrations_outside_the_measurable_range_are_refused(double? pm25, double? pm10, double? no2, double? o3, string field)
    {
        var violation = Assert.Single(AirQualityValidation.Validate(new AirQualityReading(pm25, pm10, no2, o3), Sensor));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_refusal_names_the_value_and_the_allowed_range() =>
        Assert.Equal(
            new("pm25", "-3 is outside 0..1000 µg/m³"),
            Assert.Single(AirQualityValidation.Validate(new AirQualityReading(Pm25: -3), Sensor)));

    [Theory]
    [InlineData(-51.0, null, "temperature")]
    [InlineData(61.0, null, "temperature")]
    [InlineData(null, 100.5, "relativeHumidity")]
    [InlineData(null, -1.0, "relativeHumidity")]
    public void Weather_outside_the_physical_range_is_refused(double? temperature, double? humidity, string field)
    {
        var violation = Assert.Single(AirQualityValidation.Validate(
            new AirQualityReading(No2: 20, Temperature: temperature, RelativeHumidityPercent: humidity), Sensor));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_reading_needs_at_least_one_pollutant()
    {
        var violation = Assert.Single(AirQualityValidation.Validate(new AirQualityReading(Temperature: 20), Sensor));
        Assert.Equal("pollutants", violation.Field);
    }

    [Fact]
    public void A_pollutant_the_sensor_is_not_fitted_for_is_refused()
    {
        var no2Only = new AirQualityParameters { MeasuredPollutants = [Pollutant.No2] };
        var violation = Assert.Single(AirQualityValidation.Validate(new AirQualityReading(Pm10: 20, No2: 20), no2Only));
        Assert.Equal("pm10", violation.Field);
    }

    [Fact]
    public void A_refused_reading_leaves_the_state_untouched()
    {
        var state = new AirQualityState();
        var outcome = AirQualityRules.Apply(state, Sensor, new AirQualityReading(Pm25: 12, No2: -1), DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.False(outcome.Accepted);
        Assert.Null(state.Pm25);
        Assert.Null(state.NewestHour);
    }
}
