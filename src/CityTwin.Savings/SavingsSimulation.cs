using CityTwin.Savings.Collection;
using CityTwin.Savings.District;
using CityTwin.Savings.Lighting;

namespace CityTwin.Savings;

/// <summary>One seed's week: both collection strategies and the lighting, on the same generated district.</summary>
public sealed record SeedOutcome(int Seed, CollectionWeek Baseline, SensorDrivenWeek Sensor, LightingWeek Lighting, int Bins, int Lights)
{
    public double CostSavedPercent => Percent(Baseline.Cost.Total, Sensor.Week.Cost.Total);

    public decimal CostSavedPerWeek => Baseline.Cost.Total - Sensor.Week.Cost.Total;

    public double OverflowSavedPercent => OverflowSaved(Baseline.OverflowBinHours, Sensor.Week.OverflowBinHours);

    /// <summary>Saved against the baseline, in % of it; 0 when neither overflows, -100 when only the sensor-driven week does.</summary>
    public static double OverflowSaved(double baselineHours, double sensorHours) =>
        baselineHours > 0 ? 100 * (baselineHours - sensorHours) / baselineHours : sensorHours > 0 ? -100 : 0;

    private static double Percent(decimal baseline, decimal measured) => baseline > 0 ? (double)(100 * (baseline - measured) / baseline) : 0;
}

/// <summary>
/// The savings, measured: for each seed a generated district's week, sensor-driven collection against the fixed
/// schedule and dimming against dusk-to-dawn at full; averaged over seeds, with the sensors' payback.
/// </summary>
public static class SavingsSimulation
{
    public static async Task<SeedOutcome> RunSeedAsync(int seed, DistrictSettings settings, CancellationToken cancellationToken = default)
    {
        var district = GeneratedDistrict.Generate(seed, settings);
        var schedule = FixedSchedule.For(district);
        var (baseline, _) = await FixedFrequencyCollection.RunAsync(schedule, cancellationToken);
        var sensor = await SensorDrivenCollection.RunAsync(schedule, cancellationToken: cancellationToken);
        var lighting = LightingSimulation.Run(district);
        return new SeedOutcome(seed, baseline, sensor, lighting, settings.Bins, settings.Lights);
    }

    public static async Task<SavingsSummary> RunAsync(IReadOnlyList<int> seeds, DistrictSettings settings, Action<SeedOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var outcomes = new List<SeedOutcome>();
        foreach (var seed in seeds)
        {
            var outcome = await RunSeedAsync(seed, settings, cancellationToken);
            progress?.Invoke(outcome);
            outcomes.Add(outcome);
        }
        return new SavingsSummary(outcomes, settings);
    }
}

/// <summary>The per-seed outcomes and the figures averaged over them.</summary>
public sealed record SavingsSummary(IReadOnlyList<SeedOutcome> Seeds, DistrictSettings Settings)
{
    /// <summary>Mean over seeds of the collection cost saved, %.</summary>
    public double CollectionCostSavedPercent => Seeds.Average(s => s.CostSavedPercent);

    /// <summary>Overflowing bin-hours saved over all seeds pooled, % of the baseline's (see <see cref="SeedOutcome.OverflowSaved"/>).</summary>
    public double OverflowSavedPercent => SeedOutcome.OverflowSaved(Seeds.Sum(s => s.Baseline.OverflowBinHours), Seeds.Sum(s => s.Sensor.Week.OverflowBinHours));

    public double LightEnergySavedPercent => Seeds.Average(s => s.Lighting.SavedPercent);

    /// <summary>Mean collection cost saved per week, in the cost model's currency.</summary>
    public decimal CostSavedPerWeek => Seeds.Average(s => s.CostSavedPerWeek);

    /// <summary>
    /// Months for the week's saving to pay for a sensor in every bin (hardware only: no installation, data or
    /// replacement); null when nothing is saved.
    /// </summary>
    public double? SensorPaybackMonths => CostSavedPerWeek > 0
        ? (double)(Settings.SensorCostPerBin * Settings.Bins / (CostSavedPerWeek * 52m / 12m))
        : null;
}
