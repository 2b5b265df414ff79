using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class AirQualityLevelTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly AirQualityParameters Sensor = new()
    {
        MeasuredPollutants = [Pollutant.Pm25, Pollutant.Pm10, Pollutant.No2, Pollutant.O3],
        PoorAirClearHours = 2,
    };

    private static AirQualityOutcome At(AirQualityState state, double minutes, AirQualityReading reading) =>
        AirQualityRules.Apply(state, Sensor, reading, T0.AddMinutes(minutes));

    [Fact]
    public void The_first_reading_has_no_completed_hour_and_so_no_level()
    {
        var state = new AirQualityState();
        var outcome = At(state, 10, new(Pm25: 12, Temperature: 7.5, RelativeHumidityPercent: 54));

        Assert.True(outcome.Accepted);
        Assert.Null(outcome.Level);
        Assert.False(outcome.LevelChanged);
        Assert.Empty(outcome.Signals);
        Assert.Equal(12, state.Pm25);
        Assert.Equal(0.54, state.RelativeHumidity!.Value, 9);
        Assert.Equal(7.5, state.Temperature);
        Assert.Equal(12f, AirQualityRules.HourlyMeans(state, Pollutant.Pm25, T0)[^1]);
    }

    [Fact]
    public void The_level_is_that_of_the_last_completed_hour_mean()
    {
        var state = new AirQualityState();
        At(state, 10, new(Pm25: 10));
        At(state, 40, new(Pm25: 30));
        // The spike in the new hour does not count until that hour is complete.
        var outcome = At(state, 65, new(Pm25: 400));

        Assert.Equal(AirQualityLevel.Moderate, outcome.Level);
        Assert.True(outcome.LevelChanged);
        Assert.Equal(Pollutant.Pm25, state.DominantPollutant);
        Assert.Equal(T0, state.LevelHour);
        Assert.Equal(400, state.Pm25);
    }

    [Fact]
    public void The_level_stays_put_within_an_hour()
    {
        var state = new AirQualityState();
        At(state, 10, new(Pm25: 20));
        At(state, 65, new(Pm25: 400));
        var outcome = At(state, 80, new(Pm25: 400));

        Assert.Equal(AirQualityLevel.Moderate, outcome.Level);
        Assert.False(outcome.LevelChanged);
    }

    [Fact]
    public void The_worst_pollutant_sets_the_level()
    {
        var state = new AirQualityState();
        At(state, 10, new(Pm25: 3, No2: 70, O3: 40));
        At(state, 65, new(Pm25: 3));

        Assert.Equal(AirQualityLevel.Poor, state.AirQualityLevel);
        Assert.Equal(Pollutant.No2, state.DominantPollutant);
    }

    [Fact]
    public void An_hour_without_readings_leaves_the_level_unknown_rather_than_stale()
    {
        var state = new AirQualityState();
        At(state, 10, new(Pm25: 20));
        At(state, 65, new(Pm25: 20));
        var outcome = At(state, 190, new(Pm25: 20));

        Assert.Null(outcome.Level);
        Assert.True(outcome.LevelChanged);
        Assert.Null(state.LevelHour);
    }

    [Fact]
    public void Poor_air_raises_one_signal_and_clears_only_after_two_better_hours()
    {
        var state = new AirQualityState();
        var poor = new AirQualityReading(Pm25: 70);
        var moderate = new AirQualityReading(Pm25: 30);

        At(state, 10, poor);
        var raised = At(state, 70, moderate);
        var oneHourBetter = At(state, 130, moderate);
        var twoHoursBetter = At(state, 190, moderate);

        Assert.Equal([new AirQualitySignal(AirQualitySignal.PoorAir, Raised: true)], raised.Signals);
        Assert.Empty(oneHourBetter.Signals);
        Assert.Equal([new AirQualitySignal(AirQualitySignal.PoorAir, Raised: false)], twoHoursBetter.Signals);
        Assert.False(state.PoorAirAlert);
    }

    [Fact]
    public void Air_swinging_between_moderate_and_poor_keeps_a_single_alert()
    {
        var state = new AirQualityState();
        var outcomes = new[] { 70.0, 30, 70, 30, 70 }
            .Select((pm25, hour) => At(state, 10 + 60 * hour, new(Pm25: pm25)))
            .Append(At(state, 310, new(Pm25: 30)))
            .ToList();

        Assert.Single(outcomes.SelectMany(o => o.Signals));
        Assert.True(state.PoorAirAlert);
    }

    [Fact]
    public void Hours_without_data_do_not_clear_an_alert()
    {
        var state = new AirQualityState();
        At(state, 10, new(Pm25: 70));
        At(state, 70, new(Pm25: 30));
        var afterGap = At(state, 190, new(Pm25: 30));

        Assert.Empty(afterGap.Signals);
        Assert.True(state.PoorAirAlert);
    }

    [Fact]
    public void A_reading_older_than_the_window_updates_latest_values_but_no_hour()
    {
        var state = new AirQualityState();
        At(state, 30 * 60, new(Pm25: 20));
        At(state, 10, new(Pm25: 999));

        Assert.Equal(20f, AirQualityRules.HourlyMeans(state, Pollutant.Pm25, T0.AddHours(30))[^1]);
    }
}
