using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class FlowForecastingTests
{
    private static readonly TimeZoneInfo Amsterdam = Crossroads.Amsterdam;

    // Monday 6 January 2025, 07:50 in Amsterdam.
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 7, 50, 0, TimeSpan.FromHours(1));
    private readonly IntersectionState _state = IntersectionRules.CreateState(Crossroads.Parameters());

    private ApproachState North => _state.Approaches[0];

    private void Recent(params (int MinutesAgo, ushort Intensity)[] readings)
    {
        foreach (var (minutesAgo, intensity) in readings)
        {
            North.Recent.At[North.Recent.Count] = Now.AddMinutes(-minutesAgo).ToUnixTimeSeconds();
            North.Recent.Intensity[North.Recent.Count] = intensity;
            North.Recent.Count++;
        }
    }

    private void Learned(DayOfWeek day, int hour, ushort flow, byte hours)
    {
        var bucket = FlowProfileRules.Bucket(day, hour);
        North.Profile.Flow[bucket] = flow;
        North.Profile.Hours[bucket] = hours;
    }

    private FlowForecast Forecast(int minutes) =>
        FlowForecasting.Forecast(_state, "north", Now, TimeSpan.FromMinutes(minutes), Amsterdam);

    [Fact]
    public void A_rising_trend_is_continued_for_as_long_as_it_was_observed()
    {
        Recent((10, 600), (5, 700), (0, 800));

        // Mean 700 five minutes ago, +20 veh/h per minute, continued for the ten minutes the readings span.
        Assert.Equal(900, Forecast(15).Intensity, precision: 6);
        Assert.Equal(900, Forecast(60).Intensity, precision: 6);
        Assert.Equal(0, Forecast(15).ProfileWeight);
    }

    [Fact]
    public void A_falling_trend_never_forecasts_negative_flow()
    {
        Recent((10, 600), (5, 300), (0, 0));
        Assert.Equal(0, Forecast(30).Intensity);
    }

    [Fact]
    public void Readings_older_than_the_recent_window_do_not_make_a_trend()
    {
        Recent((40, 100), (20, 200), (0, 800));
        Assert.Equal(800, Forecast(15).Intensity, precision: 6);
    }

    [Fact]
    public void The_profile_is_looked_up_at_the_forecast_instants_local_hour()
    {
        Learned(DayOfWeek.Monday, 7, 300, 4);
        Learned(DayOfWeek.Monday, 8, 1100, 4);

        var forecast = Forecast(15);

        Assert.Equal(1100, forecast.Intensity);
        Assert.Equal(1, forecast.ProfileWeight);
        Assert.Equal(Now.AddMinutes(15), forecast.At);
    }

    [Fact]
    public void A_trusted_profile_weighs_more_the_further_ahead_the_forecast()
    {
        Learned(DayOfWeek.Monday, 8, 500, 4);
        Recent((10, 1000), (5, 1000), (0, 1000));

        // Profile weight h / (h + 30 min): a third at 15 minutes, two thirds at an hour.
        Assert.Equal(1000 * 2 / 3.0 + 500 / 3.0, Forecast(15).Intensity, precision: 6);
        Assert.Equal(1000 / 3.0 + 500 * 2 / 3.0, Forecast(60).Intensity, precision: 6);
    }

    [Fact]
    public void A_bucket_learned_from_one_hour_counts_for_a_quarter_of_a_trusted_one()
    {
        Learned(DayOfWeek.Monday, 8, 500, 1);
        Recent((0, 1000));

        var forecast = Forecast(60);

        Assert.Equal(0.25 * 2 / 3.0, forecast.ProfileWeight, precision: 6);
        Assert.Equal(1000 - 500 * forecast.ProfileWeight, forecast.Intensity, precision: 6);
    }

    [Fact]
    public void With_neither_profile_nor_recent_readings_the_last_known_flow_is_forecast()
    {
        North.Intensity = 420;
        Assert.Equal(new FlowForecast(Now.AddMinutes(30), 420, 0), Forecast(30));
    }

    [Theory]
    [InlineData("north", 0, "horizon")]
    [InlineData("north", 60 * 25, "horizon")]
    [InlineData("centre", 15, "approach")]
    public void Unanswerable_requests_are_refused(string approach, int minutes, string field)
    {
        var violation = Assert.Single(FlowForecasting.ValidateRequest(_state, approach, TimeSpan.FromMinutes(minutes)));
        Assert.Equal(field, violation.Field);
        Assert.Throws<ArgumentException>(() =>
            FlowForecasting.Forecast(_state, approach, Now, TimeSpan.FromMinutes(minutes), Amsterdam));
    }
}
