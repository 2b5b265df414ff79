using System.Diagnostics;
using System.Globalization;
using CityTwin.Benchmarks.Framework;
using CityTwin.Routing;

namespace CityTwin.Benchmarks.CollectionPlanning;

/// <summary>
/// district.plan_ms.N: request to plan returned, for a generated district (<see cref="GeneratedCity"/>):
/// the road travel-time matrices (Dijkstra under live congestion and closures) and the vehicle-routing
/// search, through <see cref="RoutePlanner.PlanAsync"/> with its default zoning. The search runs until its
/// time limit (guided local search always does), so the figure is mostly the limit chosen for the size plus
/// what building the model costs; the note gives the plan's cost so a shorter limit cannot hide a worse plan.
/// One warm-up plan first loads OR-Tools' native library.
/// </summary>
public sealed class DistrictPlanBenchmark(int bins, int trucks, TimeSpan timeLimit) : IBenchmark
{
    public string Name => $"CollectionPlanning/DistrictPlanBenchmark {bins} bins, {trucks} trucks";

    public IReadOnlyList<string> FigureNames => [$"district.plan_ms.{bins}"];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var cancellationToken = context.CancellationToken;
        context.Progress("warm-up: a 20-bin plan");
        await RoutePlanner.PlanAsync(GeneratedCity.Create(20, 2, TimeSpan.FromSeconds(1), seed: 1).Problem, cancellationToken: cancellationToken);

        var city = GeneratedCity.Create(bins, trucks, timeLimit, seed: 42);
        context.Progress($"{city.Streets} x {city.Streets} street grid, {city.Problem.Costs.NodeCount - 1} bins, {trucks} trucks, time limit {timeLimit.TotalSeconds:0.#} s");
        var stopwatch = Stopwatch.StartNew();
        var plan = await RoutePlanner.PlanAsync(city.Problem, cancellationToken: cancellationToken);
        stopwatch.Stop();

        var served = plan.Routes.Sum(r => r.Stops.Count);
        if (served != bins)
            throw new InvalidOperationException($"the plan serves {served} of {bins} bins");
        var zones = Math.Min(trucks, (bins + RoutePlannerOptions.Default.MaxStopsPerZone - 1) / RoutePlannerOptions.Default.MaxStopsPerZone);
        var longestShift = plan.Routes.Max(r => r.Return - r.Departure) / 3600.0;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{bins:N0} bins, {trucks} trucks, {city.Streets}x{city.Streets} street grid ({city.CongestedLinks} congested, {city.ClosedLinks} closed links, {city.StaleIntersections} stale intersections); " +
            $"{(zones > 1 ? $"{zones} sweep zones, {Math.Min(zones, Environment.ProcessorCount)} in parallel" : "one zone")}; " +
            $"time limit {timeLimit.TotalSeconds:0.#} s for the whole solve (PATH_CHEAPEST_ARC + GUIDED_LOCAL_SEARCH); plan cost {plan.Cost / 3600.0:0.0} truck-hours driving, longest shift {longestShift:0.0} h with {GeneratedCity.ServiceSeconds} s per bin");
        return [new Figure(FigureNames[0], Math.Round(stopwatch.Elapsed.TotalMilliseconds), "ms", context.RunId, stopwatch.Elapsed.TotalSeconds, note)];
    }
}
