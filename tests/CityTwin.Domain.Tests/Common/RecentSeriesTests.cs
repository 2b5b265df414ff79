using System.Text.Json;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class RecentSeriesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static RecentSeries Line(int count, double slopePerHour, int capacity = 48, double start = 0.1)
    {
        var series = new RecentSeries(capacity);
        for (var i = 0; i < count; i++)
            series.Add(T0.AddMinutes(15 * i), start + slopePerHour * i / 4);
        return series;
    }

    [Fact]
    public void Samples_come_back_oldest_first_and_the_oldest_are_dropped_when_full()
    {
        var series = new RecentSeries(4);
        for (var i = 0; i < 6; i++)
            Assert.True(series.Add(T0.AddMinutes(i), i));

        Assert.Equal(4, series.Count);
        Assert.Equal([2.0, 3, 4, 5], series.Samples().Select(s => s.Value));
        Assert.Equal(T0.AddMinutes(2), series.First?.Time);
        Assert.Equal(new SeriesSample(T0.AddMinutes(5), 5), series.Last);
    }

    [Fact]
    public void A_sample_older_than_the_newest_is_refused()
    {
        var series = new RecentSeries(4);
        series.Add(T0, 1);
        Assert.False(series.Add(T0.AddSeconds(-1), 2));
        Assert.False(series.Add(T0, double.NaN));
        Assert.True(series.Add(T0, 3));
        Assert.Equal(2, series.Count);
    }

    [Fact]
    public void Offsets_are_kept_relative_to_the_oldest_sample()
    {
        var series = new RecentSeries(3);
        for (var i = 0; i < 100; i++)
            series.Add(T0.AddDays(i), i);
        Assert.Equal(T0.AddDays(97).ToUnixTimeSeconds(), series.BaseUnixSeconds);
        Assert.Equal(0, series.Offsets[series.Head]);
        Assert.True(series.Offsets.Max() <= 2 * 86_400);
    }

    [Fact]
    public void Median_and_slopes_of_a_straight_line()
    {
        var series = Line(9, slopePerHour: 0.04);
        Assert.Equal(0.14, series.Median()!.Value, 5);
        var ls = series.LeastSquares()!.Value;
        var ts = series.TheilSen()!.Value;
        Assert.Equal(0.04, ls.SlopePerHour, 5);
        Assert.Equal(0.04, ts.SlopePerHour, 5);
        Assert.Equal(0.18, ts.ValueAtLast, 5);
        Assert.Equal(9, ts.Points);
        Assert.Equal(TimeSpan.FromHours(2), ts.Span);
        Assert.Equal(0, ts.ResidualSpread, 5);
    }

    [Fact]
    public void Theil_sen_ignores_a_single_wild_sample_that_least_squares_follows()
    {
        var series = new RecentSeries();
        for (var i = 0; i < 12; i++)
            series.Add(T0.AddMinutes(15 * i), i == 9 ? 0.95 : 0.1 + 0.01 * i);

        Assert.Equal(0.04, series.TheilSen()!.Value.SlopePerHour, 3);
        Assert.True(Math.Abs(series.LeastSquares()!.Value.SlopePerHour - 0.04) > 0.02);
    }

    [Fact]
    public void Statistics_since_a_time_use_only_the_later_samples()
    {
        var series = new RecentSeries();
        for (var i = 0; i < 8; i++)
            series.Add(T0.AddHours(i), i < 4 ? 0 : (i - 4) * 0.1);
        Assert.Equal(0.1, series.TheilSen(T0.AddHours(4))!.Value.SlopePerHour, 5);
        Assert.Equal(0.15, series.Median(T0.AddHours(4))!.Value, 5);
        Assert.Null(series.TheilSen(T0.AddHours(7)));
    }

    [Fact]
    public void Remove_before_keeps_the_later_samples()
    {
        var series = Line(10, 0.04, capacity: 8);
        series.RemoveBefore(T0.AddMinutes(15 * 7));
        Assert.Equal(3, series.Count);
        Assert.Equal(T0.AddMinutes(15 * 7), series.First?.Time);
        series.RemoveBefore(T0.AddDays(1));
        Assert.Equal(0, series.Count);
        Assert.Null(series.Last);
        Assert.True(series.Add(T0, 1));
    }

    [Fact]
    public void A_series_kept_to_the_minute_rounds_times_down_and_keeps_short_offsets()
    {
        var series = new RecentSeries(4, unitSeconds: 60);
        series.Add(T0.AddSeconds(59), 1);
        series.Add(T0.AddMinutes(15).AddSeconds(30), 2);
        Assert.Equal([T0, T0.AddMinutes(15)], series.Samples().Select(s => s.Time));
        Assert.Equal(15, series.Offsets[1]);
        Assert.False(series.Add(T0.AddMinutes(14), 3));
        Assert.True(series.Add(T0.AddMinutes(15).AddSeconds(5), 3)); // same minute is not older

        var json = JsonSerializer.Serialize(series, StateJson.Options);
        Assert.Contains("\"unitSeconds\":60", json);
        var back = JsonSerializer.Deserialize<RecentSeries>(json, StateJson.Options)!;
        Assert.Equal(series.Samples(), back.Samples());
        Assert.DoesNotContain("unitSeconds", JsonSerializer.Serialize(new RecentSeries(4), StateJson.Options));
    }

    [Fact]
    public void It_survives_a_json_round_trip_and_costs_about_eight_bytes_a_sample()
    {
        var series = Line(60, 0.04);
        var json = JsonSerializer.Serialize(series, StateJson.Options);
        var back = JsonSerializer.Deserialize<RecentSeries>(json, StateJson.Options)!;

        Assert.Equal(series.Samples(), back.Samples());
        Assert.Equal(48, back.Capacity);
        Assert.DoesNotContain("capacity", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(8, sizeof(int) + sizeof(float));
        Assert.True(back.Add(series.Last!.Value.Time.AddMinutes(15), 1));
    }
}
