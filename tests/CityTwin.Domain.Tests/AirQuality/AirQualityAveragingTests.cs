using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class AirQualityAveragingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly AirQualityParameters Sensor = new() { MeasuredPollutants = [Pollutant.Pm25, Pollutant.No2] };

    private static AirQualityState WithHours(IEnumerable<int> hours, Func<int, double> value)
    {
        var state = new AirQualityState();
        foreach (var hour in hours)
            AirQualityRules.Apply(state, Sensor, new(Pm25: value(hour)), T0.AddHours(hour).AddMinutes(20));
        return state;
    }

    [Fact]
    public void Readings_within_an_hour_are_averaged()
    {
        var state = new AirQualityState();
        foreach (var (minute, value) in new[] { (5, 10.0), (25, 20.0), (45, 60.0) })
            AirQualityRules.Apply(state, Sensor, new(Pm25: value), T0.AddMinutes(minute));

        Assert.Equal(30f, AirQualityRules.HourlyMeans(state, Pollutant.Pm25, T0)[^1], 4);
    }

    [Fact]
    public void Hourly_means_come_oldest_first_with_gaps_as_not_a_number()
    {
        var state = WithHours([0, 1, 3], h => 10 + h);
        var means = AirQualityRules.HourlyMeans(state, Pollutant.Pm25, T0.AddHours(3));

        Assert.Equal(PollutantHistory.Hours, means.Length);
        Assert.Equal([11f, float.NaN, 13f], means[^3..]);
        Assert.Equal(10f, means[^4]);
        Assert.True(float.IsNaN(means[0]));
        Assert.All(AirQualityRules.HourlyMeans(state, Pollutant.No2, T0.AddHours(3)), m => Assert.True(float.IsNaN(m)));
    }

    [Fact]
    public void The_daily_mean_weighs_hours_not_readings_and_skips_missing_hours()
    {
        // 18 of 24 hours: hours 6..23 hold 20, except hour 10 which holds four readings of 80.
        var state = WithHours(Enumerable.Range(6, 18), _ => 20);
        for (var i = 0; i < 3; i++)
            AirQualityRules.Apply(state, Sensor, new(Pm25: 80), T0.AddHours(23).AddMinutes(30 + 5 * i));
        AirQualityRules.Apply(state, Sensor, new(Pm25: 80), T0.AddHours(23).AddMinutes(50));

        // Hour 23 now averages (20 + 4 × 80) / 5 = 68; the daily mean is (17 × 20 + 68) / 18.
        Assert.Equal((17 * 20 + 68) / 18.0, AirQualityRules.RunningDailyMean(state, Pollutant.Pm25, T0.AddHours(23).AddMinutes(55))!.Value, 4);
    }

    [Fact]
    public void The_daily_mean_needs_eighteen_of_twenty_four_hours()
    {
        var enough = WithHours(Enumerable.Range(6, 18), _ => 20);
        var tooFew = WithHours(Enumerable.Range(7, 17), _ => 20);

        Assert.Equal(20, AirQualityRules.RunningDailyMean(enough, Pollutant.Pm25, T0.AddHours(23))!.Value, 4);
        Assert.Null(AirQualityRules.RunningDailyMean(tooFew, Pollutant.Pm25, T0.AddHours(23)));
    }

    [Fact]
    public void Hours_older_than_a_day_drop_out()
    {
        var state = WithHours(Enumerable.Range(0, 24), _ => 20);
        AirQualityRules.Apply(state, Sensor, new(Pm25: 50), T0.AddHours(30));

        var means = AirQualityRules.HourlyMeans(state, Pollutant.Pm25, T0.AddHours(30));
        Assert.Equal(18, means.Count(float.IsFinite));
        Assert.Equal(50f, means[^1]);
        Assert.Null(AirQualityRules.RunningDailyMean(state, Pollutant.Pm25, T0.AddHours(36)));
    }
}
