using System.Globalization;
using System.Text;
using CityTwin.Benchmarks.Framework;
using CityTwin.Savings;
using CityTwin.Savings.District;

namespace CityTwin.Benchmarks.Savings;

/// <summary>
/// district.savings.* and district.sensor_payback_months: the savings simulation (src/CityTwin.Savings) over
/// several seeds of a generated district, sensor-driven collection against the fixed per-bin schedule and
/// dimming against dusk-to-dawn at full. One benchmark, so the payback shares its run with the saving it comes
/// from. The per-seed table goes in the notes.
/// </summary>
public sealed class DistrictSavingsBenchmark(IReadOnlyList<int> seeds, DistrictSettings settings) : IBenchmark
{
    public const string CollectionCost = "district.savings.collection_cost_pct";
    public const string OverflowHours = "district.savings.overflow_hours_pct";
    public const string LightEnergy = "district.savings.light_energy_pct";
    public const string Payback = "district.sensor_payback_months";

    public string Name => "Savings/DistrictSavingsBenchmark";

    public IReadOnlyList<string> FigureNames => [CollectionCost, OverflowHours, LightEnergy, Payback];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var started = DateTime.UtcNow;
        var summary = await SavingsSimulation.RunAsync(seeds, settings, seed => context.Progress(CollectionRow(seed) + " | " + LightingRow(seed)), context.CancellationToken);
        var window = (DateTime.UtcNow - started).TotalSeconds;
        var s = settings;
        var setup = Invariant(
            $"{seeds.Count} seeds ({string.Join(",", seeds)}), {s.Bins} bins ({s.BinCapacityLitres:0} l, threshold {s.FullnessThreshold}), {s.SideMetres / 1000:0.#} km square, depot {Math.Abs(s.Depot.X) / 1000:0.#} km outside; week from {s.WeekStart:yyyy-MM-dd} ({s.TimeZoneId}) after a {s.WarmUpDays}-day warm-up on the fixed schedule; daily window {s.WindowStart:HH\\:mm}; sensors every {s.SensorInterval.TotalMinutes:0} min; plan limit {s.PlanTimeLimit.TotalSeconds:0.#} s per round; cost €{s.CostModel.PerKm}/km, €{s.CostModel.PerTruckHour}/truck-h, €{s.CostModel.PerLift}/lift");
        var perSeed = string.Join("; ", summary.Seeds.Select(CollectionRow));
        var lighting = string.Join("; ", summary.Seeds.Select(LightingRow));
        var payback = summary.SensorPaybackMonths;
        var figures = new List<Figure>
        {
            new(CollectionCost, Round(summary.CollectionCostSavedPercent), "%", context.RunId, window,
                $"mean over seeds; target >= 30% with no more overflow; per seed [cost fixed->sensor, saved; lifts; km; truck-h; overflow bin-h; true level at lift; mean level at week end]: {perSeed}; {setup}"),
            new(OverflowHours, Round(summary.OverflowSavedPercent), "%", context.RunId, window,
                Invariant($"pooled over seeds: {summary.Seeds.Sum(x => x.Baseline.OverflowBinHours):0.#} bin-h fixed vs {summary.Seeds.Sum(x => x.Sensor.Week.OverflowBinHours):0.#} sensor-driven (true level >= 1.0); per seed in {CollectionCost}")),
            new(LightEnergy, Round(summary.LightEnergySavedPercent), "%", context.RunId, window,
                Invariant($"mean over seeds; target >= 40% with no presence below full beyond the reaction time ({s.Policy.ReactionTime.TotalSeconds:0} s); {s.Lights} lights, {s.Intersections} intersections, {s.LampRatedWatts:0} W LED + {s.LampStandbyWatts} W standby, default policy (dimmed {s.Policy.DimmedLevel}, traffic {s.Policy.TrafficLevel} above {s.Policy.LowTrafficPerHour:0} veh/h, full for presence + {s.Policy.PresenceHold.TotalMinutes:0} min hold); per seed [kWh dimmed/dusk-to-dawn, saved; presence onsets below full, violations, worst reaction]: {lighting}")),
        };
        if (payback is { } months)
        {
            figures.Add(new(Payback, Round(months), "months", context.RunId, window,
                Invariant($"{s.SensorCostPerBin:0} per smart bin (midpoint of Barcelona's $500-1,000, at par) x {s.Bins} bins / mean saving {summary.CostSavedPerWeek:0.##} per week x 52/12; hardware only (no installation, connectivity, or the replacements Barcelona needed: 40% within two years)")));
        }
        else
        {
            context.Progress("no collection saving: the payback period is not defined and is left out");
        }
        return figures;
    }

    private static string CollectionRow(SeedOutcome o)
    {
        var b = o.Baseline;
        var w = o.Sensor.Week;
        return Invariant(
            $"seed {o.Seed}: €{b.Cost.Total:0}->€{w.Cost.Total:0} ({o.CostSavedPercent:0.#}%); lifts {b.Lifts}->{w.Lifts}; km {b.Kilometres:0}->{w.Kilometres:0}; truck-h {b.TruckHours:0.#}->{w.TruckHours:0.#}; overflow {b.OverflowBinHours:0.#}->{w.OverflowBinHours:0.#}; level at lift {b.MeanTrueLevelAtLift:0.00}->{w.MeanTrueLevelAtLift:0.00}; at end {b.MeanTrueLevelAtEnd:0.00}->{w.MeanTrueLevelAtEnd:0.00}");
    }

    private static string LightingRow(SeedOutcome o)
    {
        var l = o.Lighting;
        return Invariant(
            $"seed {o.Seed}: {l.UsedKwh:0}/{l.BaselineKwh:0} kWh ({l.SavedPercent:0.#}%), {l.PresenceOnsets} onsets, {l.ReactionViolations} violations, worst {l.WorstReaction.TotalSeconds:0.###} s");
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
