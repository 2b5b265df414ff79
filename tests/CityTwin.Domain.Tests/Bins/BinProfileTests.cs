using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinProfileTests
{
    private static readonly TimeZoneInfo Amsterdam = BinTwin.Amsterdam;

    /// <summary>Monday 6 January 2025, 00:00 local (CET, no daylight saving for weeks).</summary>
    private static readonly DateTimeOffset Start = new(2025, 1, 5, 23, 0, 0, TimeSpan.Zero);

    private const double OrdinaryRate = 0.01;
    private const double SaturdayEveningRate = 0.12;

    /// <summary>How fast the simulated street fills the bin: much faster on Saturday from 18:00 local.</summary>
    private static double TrueRate(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Amsterdam);
        return local.DayOfWeek == DayOfWeek.Saturday && local.Hour >= 18 ? SaturdayEveningRate : OrdinaryRate;
    }

    /// <summary>
    /// Six weeks of readings every 15 minutes, a collection whenever the bin is 75% full, and one at
    /// Saturday midnight of the seventh week; then readings until Saturday noon.
    /// </summary>
    private static (BinTwin Bin, double Level, DateTimeOffset Noon) Simulate(BinRuleOptions options)
    {
        var bin = new BinTwin { Options = options };
        var level = 0.0;
        var collections = 0;
        var saturdayOfWeek7 = Start.AddDays(7 * 6 + 5);
        var noon = saturdayOfWeek7.AddHours(12);
        for (var at = Start; at <= noon; at = at.AddMinutes(15))
        {
            if (level >= 0.75 || at == saturdayOfWeek7)
            {
                bin.Collect($"c-{++collections}", at.AddMinutes(-1));
                level = 0;
            }

            bin.Level(at, level);
            level += TrueRate(at) * 0.25;
        }

        return (bin, bin.State.FillingLevel!.Value, noon);
    }

    private static DateTimeOffset TrueFullAt(double level, DateTimeOffset from, double threshold)
    {
        var at = from;
        while (level < threshold)
        {
            level += TrueRate(at) / 60;
            at = at.AddMinutes(1);
        }

        return at;
    }

    [Fact]
    public void A_profile_learnt_on_saturdays_makes_saturday_predictions_earlier()
    {
        var learning = Simulate(BinRuleOptions.Default);
        var flat = Simulate(BinRuleOptions.Default with { ProfileLearningRate = 0 });
        var profile = learning.Bin.State.Profile;

        var saturdayEvening = 5 * 24 + 20;
        var saturdayMorning = 5 * 24 + 9;
        var wednesdayEvening = 2 * 24 + 20;
        Assert.True(profile.WeightOf(saturdayEvening) > 3 * profile.WeightOf(wednesdayEvening),
            $"Saturday 20:00 {profile.WeightOf(saturdayEvening):0.00}, Wednesday 20:00 {profile.WeightOf(wednesdayEvening):0.00}");
        Assert.True(profile.WeightOf(saturdayMorning) < 1.5);

        var truth = TrueFullAt(learning.Level, learning.Noon, 0.8);
        var learnt = learning.Bin.State.PredictedFullAt!.Value;
        var naive = flat.Bin.State.PredictedFullAt;
        Assert.True(naive is null || learnt < naive.Value.AddHours(-12), $"learnt {learnt:O}, flat {naive:O}");
        Assert.True((learnt - truth).Duration() < TimeSpan.FromHours(3), $"learnt {learnt:O}, truth {truth:O}");
    }

    [Fact]
    public void Local_hour_weights_stay_right_across_the_spring_daylight_saving_change()
    {
        // Fills only between 10:00 and 11:00 local time, 0.48 in that hour.
        var profile = new FillRateProfile();
        for (var h = 0; h < LocalHours.HoursPerWeek; h++)
            profile.SetWeight(h, h % 24 == 10 ? 12 : 0);

        // Saturday 29 March 12:00 CET; clocks go forward that night.
        var from = new DateTimeOffset(2025, 3, 29, 11, 0, 0, TimeSpan.Zero);
        var full = FillForecast.ProjectFull(0, 0.8, 0.04, profile, from, Amsterdam, TimeSpan.FromDays(14));

        // Sunday 10:00-11:00 CEST gives 0.48; Monday 10:00 CEST plus 0.32/0.48 of an hour: 10:40 CEST = 08:40 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 8, 40, 0, TimeSpan.Zero), full);
        Assert.Equal(10, TimeZoneInfo.ConvertTime(full!.Value, Amsterdam).Hour);
    }

    [Fact]
    public void The_repeated_hour_of_the_autumn_change_fills_twice()
    {
        var profile = new FillRateProfile();
        for (var h = 0; h < LocalHours.HoursPerWeek; h++)
            profile.SetWeight(h, h == 6 * 24 + 2 ? 10 : 0);

        // Saturday 25 October 2025 12:00 CEST; 02:00-03:00 on Sunday happens twice.
        var from = new DateTimeOffset(2025, 10, 25, 10, 0, 0, TimeSpan.Zero);
        var full = FillForecast.ProjectFull(0, 0.8, 0.05, profile, from, Amsterdam, TimeSpan.FromDays(14));

        // 0.5 in the first 02:00-03:00 (CEST, 00:00-01:00 UTC), then 0.3 more 36 minutes into the second (CET, 01:00 UTC).
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 36, 0, TimeSpan.Zero), full);
    }

    [Fact]
    public void Learning_moves_the_hours_observed_and_keeps_the_weights_averaging_one()
    {
        var profile = new FillRateProfile();
        Assert.Null(profile.Weights);
        Assert.Equal(1, profile.WeightOf(100));

        var saturday2000 = new DateTimeOffset(2025, 3, 8, 19, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 50; i++)
            profile.Learn(saturday2000, saturday2000.AddHours(1), 5, 0.2, Amsterdam);

        var mean = Enumerable.Range(0, LocalHours.HoursPerWeek).Average(profile.WeightOf);
        Assert.Equal(1, mean, 2);
        Assert.True(profile.WeightOf(5 * 24 + 20) > 4);
        Assert.True(profile.WeightOf(0) < 1);
        Assert.Equal(50, profile.Observations);
        Assert.Equal(LocalHours.HoursPerWeek / 2 * 3, profile.Weights!.Length);
    }

    [Fact]
    public void The_mean_weight_of_a_stretch_is_time_weighted()
    {
        var profile = new FillRateProfile();
        profile.SetWeight(0, 3);
        var monday0000 = new DateTimeOffset(2025, 3, 2, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(2, profile.MeanWeight(monday0000, monday0000.AddHours(2), Amsterdam), 6);
        Assert.Equal(3, profile.MeanWeight(monday0000.AddMinutes(10), monday0000.AddMinutes(40), Amsterdam), 6);
    }
}
