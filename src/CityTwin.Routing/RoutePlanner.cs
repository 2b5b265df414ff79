using CityTwin.Routing.Problems;
using CityTwin.Routing.Solving;
using CityTwin.Routing.Zoning;

namespace CityTwin.Routing;

/// <summary>How <see cref="RoutePlanner"/> splits large problems.</summary>
/// <param name="MaxStopsPerZone">Above this many stops a single-depot problem with positions is zoned. Guided local
/// search improves a few hundred stops well within seconds; a thousand at once it barely gets past the first
/// solution in that time.</param>
/// <param name="Parallelism">Zones solved at once; default the processor count.</param>
public sealed record RoutePlannerOptions(int MaxStopsPerZone = 250, int? Parallelism = null)
{
    public static RoutePlannerOptions Default { get; } = new();
}

/// <summary>
/// The planner's entry point: solves a problem whole when it is small, else zones it with
/// <see cref="SweepZoning"/> and solves the zones on parallel worker threads, each zone's search getting
/// the share of the time limit that keeps the whole plan within it. Zoned routes never cross zones, the
/// price of planning thousands of stops in seconds.
/// </summary>
public static class RoutePlanner
{
    /// <exception cref="RoutingProblemException">The problem is invalid.</exception>
    /// <exception cref="RoutingFailedException">A whole problem or a zone found no solution.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<RoutingSolution> PlanAsync(
        RoutingProblem problem, RoutePlannerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= RoutePlannerOptions.Default;
        RoutingProblemValidator.ThrowIfInvalid(problem);
        var stops = problem.NodeCount - problem.Depots().Count;
        var zoneCount = Math.Min(problem.Vehicles.Count, (stops + options.MaxStopsPerZone - 1) / options.MaxStopsPerZone);
        if (zoneCount <= 1 || problem.PositionsOrDefault is null || !HasSingleDepot(problem))
            return await VehicleRoutingSolver.SolveAsync(problem, cancellationToken);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var zones = SweepZoning.Split(problem, zoneCount);
        var parallelism = Math.Clamp(options.Parallelism ?? Environment.ProcessorCount, 1, zones.Count);
        var waves = (zones.Count + parallelism - 1) / parallelism;
        var remaining = problem.TimeLimit - started.Elapsed;
        var zoneLimit = (remaining > TimeSpan.Zero ? remaining : problem.TimeLimit * VehicleRoutingSolver.MinSearchShare) / waves;
        var solutions = new RoutingSolution[zones.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, zones.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (z, token) => solutions[z] = await VehicleRoutingSolver.SolveAsync(ZoneProblem(problem, zones[z], zoneLimit), token));
        return Merge(problem, zones, solutions, started.Elapsed);
    }

    private static bool HasSingleDepot(RoutingProblem problem) =>
        problem.Vehicles.All(v => v.StartNode == problem.Vehicles[0].StartNode && v.EndNode == v.StartNode);

    /// <summary>The zone as a problem of its own: node 0 is the depot, then the zone's stops in order.</summary>
    private static RoutingProblem ZoneProblem(RoutingProblem problem, Zone zone, TimeSpan timeLimit)
    {
        var nodes = zone.Stops.Prepend(SweepZoning.SingleDepot(problem)).ToArray();
        return new RoutingProblem
        {
            Costs = new SubsetCosts(problem.Costs, nodes),
            Demands = nodes.Select(n => problem.Demands[n]).ToArray(),
            Vehicles = zone.Vehicles.Select(v => new Vehicle(problem.Vehicles[v].Capacity, 0)).ToArray(),
            ServiceTimes = problem.ServiceTimes is { } service ? nodes.Select(n => service[n]).ToArray() : null,
            TimeWindows = problem.TimeWindows is { } windows ? nodes.Select(n => windows[n]).ToArray() : null,
            Positions = problem.PositionsOrDefault is { } positions ? nodes.Select(n => positions[n]).ToArray() : null,
            TimeLimit = timeLimit,
        };
    }

    private static RoutingSolution Merge(RoutingProblem problem, IReadOnlyList<Zone> zones, RoutingSolution[] solutions, TimeSpan elapsed)
    {
        var routes = new VehicleRoute[problem.Vehicles.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = zones[z];
            foreach (var route in solutions[z].Routes)
            {
                var vehicle = zone.Vehicles[route.Vehicle];
                // Zone node k > 0 is the zone's stop k - 1.
                routes[vehicle] = route with { Vehicle = vehicle, Stops = route.Stops.Select(k => zone.Stops[k - 1]).ToArray() };
            }
        }
        return new RoutingSolution(routes, routes.Sum(r => r.Cost), solutions.Any(s => s.HitTimeLimit), elapsed);
    }
}
