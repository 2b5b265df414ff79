using CityTwin.Domain.Bins;
using CityTwin.Domain.Collection;
using CityTwin.Savings.District;
using CityTwin.Savings.Simulation;

namespace CityTwin.Savings.Collection;

/// <summary>The sensor-driven week and what the rules made of the readings.</summary>
/// <param name="Selections">How often each selection reason came up over the week's windows.</param>
/// <param name="RateErrorPercent">Median relative error of the twins' learnt long-run rate against the true mean rate, at the week's start.</param>
/// <param name="Inputs">Every reading and collection report given to the rules, in order, when recorded.</param>
public sealed record SensorDrivenWeek(
    CollectionWeek Week,
    IReadOnlyDictionary<SelectionReason, int> Selections,
    int RefusedInputs,
    IReadOnlyDictionary<SensorHealth, int> SensorHealthAtEnd,
    double RateErrorPercent,
    IReadOnlyDictionary<string, BinTwin> Twins,
    IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> Emptyings,
    IReadOnlyList<TwinInput> Inputs);

/// <summary>
/// The sensor-driven week, on a virtual clock. Sensors are fitted when the warm-up starts and report every
/// interval (ultrasonic distance with noise, from the true level); the bins' twins learn from the readings alone
/// while the fixed schedule still runs (its collections reported as trucks report them). From the measured week
/// on, at each window's start the district selects bins with <see cref="CollectionSelection"/> from the twins'
/// states, plans the round with the planner, and the trucks empty the bins on arrival, each emptying reported
/// back to the twin.
/// </summary>
public static class SensorDrivenCollection
{
    public const string Strategy = "sensor-driven";

    public static async Task<SensorDrivenWeek> RunAsync(FixedSchedule schedule, bool recordInputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var district = schedule.District;
        var settings = district.Settings;
        var zone = district.Zone;
        var truth = new TrueLevels(district, district.Origin);
        var twins = district.Bins.ToDictionary(b => b.Id, b => new BinTwin(b.Id, b.Parameters, zone), StringComparer.Ordinal);
        var inputs = new List<TwinInput>();
        var clock = new EventQueue(district.Origin);

        void Tell(TwinInput input)
        {
            if (recordInputs)
                inputs.Add(input);
            twins[input.BinId].Apply(input);
        }

        void Empty(SimulatedBin bin, DateTimeOffset at, Action<double>? levelBefore = null)
        {
            var level = truth.Empty(bin, at);
            levelBefore?.Invoke(level);
            if (at >= district.WarmUpStartsAt)
                Tell(new TwinInput(bin.Id, at, null, $"{bin.Id}@{at.UtcDateTime:yyyyMMddTHHmmss}"));
        }

        foreach (var round in schedule.Rounds)
        {
            foreach (var at in schedule.EmptyingsBeforeWeek(round).Skip(1))
                clock.At(at, () => Empty(round.Bin, at));
            var sensor = new SeededRandom(round.Bin.SensorSeed);
            var first = district.WarmUpStartsAt + sensor.Uniform() * settings.SensorInterval;
            ScheduleReading(round.Bin, sensor, first);
        }

        void ScheduleReading(SimulatedBin bin, SeededRandom sensor, DateTimeOffset at)
        {
            if (at >= district.WeekEndsAt)
                return;
            clock.At(at, () =>
            {
                var level = Math.Min(1, truth.LevelAt(bin, at));
                var depth = settings.BinDepthCm;
                var distance = Math.Clamp(depth * (1 - level) + settings.SensorNoiseCm * sensor.Gaussian(), 0, depth);
                Tell(new TwinInput(bin.Id, at, new BinReading { DistanceCm = Math.Round(distance, 1) }, null));
                ScheduleReading(bin, sensor, at + settings.SensorInterval);
            });
        }

        clock.RunUntil(district.WeekStartsAt);
        var rateErrors = district.Bins
            .Select(b => twins[b.Id].State.BaseRatePerHour is { } learnt ? Math.Abs(learnt - b.Truth.MeanRatePerHour) / b.Truth.MeanRatePerHour : 1.0)
            .Order().ToList();

        var collectionSchedule = new CollectionSchedule(settings.Windows, zone);
        var tally = new WeekTally(Strategy);
        var reasons = Enum.GetValues<SelectionReason>().ToDictionary(r => r, _ => 0);
        var byId = district.Bins.ToDictionary(b => b.Id, StringComparer.Ordinal);
        for (var window = collectionSchedule.NextStartingAt(district.WeekStartsAt); window.Start < district.WeekEndsAt; window = collectionSchedule.After(window))
        {
            clock.RunUntil(window.Start);
            var selections = CollectionSelection.Select(twins.Values.Select(t => t.Candidate), window, collectionSchedule.After(window));
            foreach (var selection in selections)
                reasons[selection.Reason]++;
            var stops = selections.Where(s => s.Collect).Select(s =>
            {
                var twin = twins[s.BinId];
                var expected = Math.Clamp(twin.State.FillingLevel ?? twin.Parameters.BinFullnessThreshold, 0.05, 1);
                return new RoundStop(byId[s.BinId], (long)Math.Round(settings.BinCapacityLitres * expected));
            }).ToList();
            var outcome = await CollectionRound.DriveAsync(settings, stops, window.Start, cancellationToken);
            foreach (var (binId, at) in outcome.EmptiedAt.OrderBy(e => e.Value))
                clock.At(at, () => Empty(byId[binId], at, tally.Lifted));
            tally.Add(outcome);
        }
        clock.RunUntil(district.WeekEndsAt);

        var week = tally.Close(settings.CostModel, truth.OverflowHoursPerBin(), truth.MeanLevelAtWeekEnd());
        return new SensorDrivenWeek(
            week,
            reasons,
            twins.Values.Sum(t => t.Refused),
            Enum.GetValues<SensorHealth>().ToDictionary(h => h, h => twins.Values.Count(t => t.State.Sensor.Health == h)),
            100 * rateErrors[rateErrors.Count / 2],
            twins,
            district.Bins.ToDictionary(b => b.Id, b => truth.EmptyingsInWeek(b), StringComparer.Ordinal),
            inputs);
    }
}
