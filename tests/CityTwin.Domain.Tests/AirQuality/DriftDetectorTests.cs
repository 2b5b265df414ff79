using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class DriftDetectorTests
{
    private static readonly DriftCriteria Pm25 = DriftCriteria.For(Pollutant.Pm25);

    /// <summary>A day of PM2.5 between 10 and 33 µg/m³, varying as city air does.</summary>
    private static float[] Day(double factor = 1, double offset = 0) =>
        Enumerable.Range(0, 24).Select(h => (float)((10 + h % 12 * 2) * factor + offset)).ToArray();

    private static DriftAssessment Assess(float[] own, bool suspect = false, params float[][] neighbours) =>
        DriftDetector.Assess(own, neighbours, suspect, Pm25);

    [Fact]
    public void A_sensor_that_agrees_with_its_neighbours_does_not_drift()
    {
        var result = Assess(Day(), false, Day(), Day(1.1), Day(0.9));

        Assert.True(result.Conclusive);
        Assert.False(result.Suspect);
        Assert.Equal(24, result.CommonHours);
        Assert.Equal(1, result.MedianRatio!.Value, 2);
    }

    [Fact]
    public void One_bad_neighbour_does_not_make_a_good_sensor_suspect()
    {
        var result = Assess(Day(), false, Day(), Day(1.05), Day(0.95), Day(3));

        Assert.False(result.Suspect);
        Assert.InRange(result.MedianRatio!.Value, 0.95, 1.05);
    }

    [Fact]
    public void A_sensor_reading_double_is_suspect_even_with_one_bad_neighbour()
    {
        var result = Assess(Day(2), false, Day(), Day(1.05), Day(0.95), Day(0.2));

        Assert.True(result.Suspect);
        Assert.InRange(result.MedianRatio!.Value, 1.8, 2.1);
        Assert.True(result.MedianDifference > 10);
    }

    [Fact]
    public void A_sensor_reading_low_is_suspect_too()
    {
        var result = Assess(Day(0.4), false, Day(), Day(), Day());

        Assert.True(result.Suspect);
        Assert.True(result.MedianDifference < -5);
    }

    [Fact]
    public void In_clean_air_a_large_ratio_of_small_values_is_no_drift()
    {
        var clean = Enumerable.Repeat(2f, 24).ToArray();
        var result = Assess(Enumerable.Repeat(5f, 24).ToArray(), false, clean, clean, clean);

        Assert.True(result.MedianRatio > 1.5);
        Assert.False(result.Suspect);
    }

    [Fact]
    public void Fewer_than_twelve_common_hours_give_no_verdict_and_keep_the_old_one()
    {
        var own = Day(2);
        for (var h = 0; h < 13; h++)
            own[h] = float.NaN;

        var result = Assess(own, true, Day(), Day(), Day());

        Assert.False(result.Conclusive);
        Assert.True(result.Suspect);
        Assert.Equal(11, result.CommonHours);
        Assert.Null(result.MedianRatio);
    }

    [Fact]
    public void Hours_with_fewer_than_three_neighbours_do_not_count()
    {
        var result = Assess(Day(2), false, Day(), Day());

        Assert.False(result.Conclusive);
        Assert.Equal(0, result.CommonHours);
    }

    [Fact]
    public void Shorter_neighbour_series_count_as_missing_hours()
    {
        var result = Assess(Day(2), false, Day(), Day(), Day()[..12]);

        Assert.Equal(12, result.CommonHours);
        Assert.True(result.Suspect);
    }

    [Fact]
    public void A_suspicion_clears_only_once_the_ratio_is_well_back()
    {
        var neighbours = new[] { Day(), Day(), Day() };

        Assert.True(DriftDetector.Assess(Day(1.4), neighbours, true, Pm25).Suspect);
        Assert.False(DriftDetector.Assess(Day(1.4), neighbours, false, Pm25).Suspect);
        Assert.False(DriftDetector.Assess(Day(1.2), neighbours, true, Pm25).Suspect);
    }
}
