using CityTwin.Domain.Collection;
using CityTwin.Domain.Common;
using CityTwin.Savings.Collection;

namespace CityTwin.Savings.Tests;

public class FixedScheduleTests
{
    [Fact]
    public async Task The_baseline_lifts_each_bin_exactly_on_its_due_days_within_the_window()
    {
        var district = SmallDistrict.Generate();
        var schedule = FixedSchedule.For(district);
        var settings = district.Settings;

        var (week, emptyings) = await FixedFrequencyCollection.RunAsync(schedule);

        foreach (var round in schedule.Rounds)
        {
            Assert.Equal(FixedFrequencyBaseline.IntervalDays(round.Bin.Truth.MeanRatePerHour, settings.FullnessThreshold), round.IntervalDays);
            var dueDates = Enumerable.Range(0, settings.WeekDays).Select(settings.WeekStart.AddDays).Where(round.IsDue).ToList();
            var liftedDates = emptyings[round.Bin.Id].Select(at => LocalClock.LocalDate(at, district.Zone)).ToList();
            Assert.Equal(dueDates, liftedDates);
            foreach (var at in emptyings[round.Bin.Id])
            {
                var windowStart = LocalClock.ToInstant(LocalClock.LocalDate(at, district.Zone), settings.WindowStart, district.Zone);
                Assert.InRange(at, windowStart, windowStart + settings.WindowLength);
            }
        }
        Assert.Equal(emptyings.Values.Sum(e => e.Count), week.Lifts);
        Assert.True(week.Lifts > 0, "a three-day week of bins filling in 1 to 8 days has due bins");
    }

    [Fact]
    public void Rounds_are_every_k_days_from_a_phase_before_the_warm_up()
    {
        var district = SmallDistrict.Generate();
        var schedule = FixedSchedule.For(district);

        foreach (var round in schedule.Rounds)
        {
            var before = schedule.EmptyingsBeforeWeek(round);
            Assert.Equal(district.Origin, before[0]);
            var gaps = before.Skip(1).Zip(before.Skip(2), (a, b) => LocalClock.LocalDate(b, district.Zone).DayNumber - LocalClock.LocalDate(a, district.Zone).DayNumber);
            Assert.All(gaps, gap => Assert.Equal(round.IntervalDays, gap));
            Assert.True(round.FirstCollection.DayNumber - LocalClock.LocalDate(district.Origin, district.Zone).DayNumber < round.IntervalDays);
        }
    }
}
