using CityTwin.Domain.Common;
using CityTwin.Savings.District;

namespace CityTwin.Savings.Collection;

/// <summary>
/// The baseline week: every bin due on its fixed round that day is collected in that day's window, the round
/// routed by the same planner as the sensor-driven one. The planner expects each bin as full as k days at its
/// mean rate make it.
/// </summary>
public static class FixedFrequencyCollection
{
    public const string Strategy = "fixed frequency";

    public static async Task<(CollectionWeek Week, IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> Emptyings)> RunAsync(
        FixedSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var district = schedule.District;
        var settings = district.Settings;
        var truth = new TrueLevels(district, district.Origin);
        foreach (var round in schedule.Rounds)
        {
            foreach (var at in schedule.EmptyingsBeforeWeek(round).Skip(1))
                truth.Empty(round.Bin, at);
        }

        var tally = new WeekTally(Strategy);
        var byId = district.Bins.ToDictionary(b => b.Id, StringComparer.Ordinal);
        for (var day = 0; day < settings.WeekDays; day++)
        {
            var date = settings.WeekStart.AddDays(day);
            var windowStart = LocalClock.ToInstant(date, settings.WindowStart, district.Zone);
            var stops = schedule.Rounds
                .Where(r => r.IsDue(date))
                .Select(r => new RoundStop(r.Bin, (long)Math.Round(settings.BinCapacityLitres * Math.Min(1, r.IntervalDays * 24 * r.Bin.Truth.MeanRatePerHour))))
                .ToList();
            var outcome = await CollectionRound.DriveAsync(settings, stops, windowStart, cancellationToken);
            foreach (var (binId, at) in outcome.EmptiedAt.OrderBy(e => e.Value))
                tally.Lifted(truth.Empty(byId[binId], at));
            tally.Add(outcome);
        }

        var week = tally.Close(settings.CostModel, truth.OverflowHoursPerBin(), truth.MeanLevelAtWeekEnd());
        return (week, district.Bins.ToDictionary(b => b.Id, b => truth.EmptyingsInWeek(b), StringComparer.Ordinal));
    }
}
