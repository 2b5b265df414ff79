using System.Diagnostics;
using CityTwin.Routing.Problems;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace CityTwin.Routing.Solving;

/// <summary>
/// Solves a <see cref="RoutingProblem"/> with OR-Tools' routing library: a first solution by
/// PATH_CHEAPEST_ARC, improved by GUIDED_LOCAL_SEARCH until the time limit. The time limit covers the
/// whole solve: computing the travel matrix, building the model and the search. Costs, demands and travel
/// times are handed to OR-Tools as native matrices and vectors, so the search never calls back into .NET.
/// </summary>
public static class VehicleRoutingSolver
{
    private const string CapacityDimension = "Capacity";
    private const string TimeDimension = "Time";

    /// <summary>
    /// Validates the problem, then solves it on a dedicated thread (the search blocks that thread for the
    /// whole time limit). Cancelling <paramref name="cancellationToken"/> stops the search within
    /// milliseconds and the task ends as cancelled.
    /// </summary>
    /// <exception cref="RoutingProblemException">The problem is invalid (thrown before any thread starts).</exception>
    /// <exception cref="RoutingFailedException">No solution was found.</exception>
    public static Task<RoutingSolution> SolveAsync(RoutingProblem problem, CancellationToken cancellationToken = default)
    {
        RoutingProblemValidator.ThrowIfInvalid(problem);
        return Task.Factory.StartNew(
            () => SolveValidated(problem, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Solves on the calling thread; see <see cref="SolveAsync"/>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before or during the search.</exception>
    public static RoutingSolution Solve(RoutingProblem problem, CancellationToken cancellationToken = default)
    {
        RoutingProblemValidator.ThrowIfInvalid(problem);
        return SolveValidated(problem, cancellationToken);
    }

    /// <summary>
    /// The least share of the time limit the search gets when building the matrix and model took longer
    /// than the rest: enough for a first solution on the sizes the planner solves whole or per zone.
    /// </summary>
    public const double MinSearchShare = 0.1;

    private static RoutingSolution SolveValidated(RoutingProblem problem, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        var nodes = problem.NodeCount;
        var costs = problem.Costs.Matrix(Enumerable.Range(0, nodes).ToArray(), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var vehicles = problem.Vehicles;
        using var manager = new RoutingIndexManager(
            nodes, vehicles.Count, vehicles.Select(v => v.StartNode).ToArray(), vehicles.Select(v => v.EndNode).ToArray());
        using var routing = new RoutingModel(manager);

        var costIndex = routing.RegisterTransitMatrix(costs);
        routing.SetArcCostEvaluatorOfAllVehicles(costIndex);
        var demandIndex = routing.RegisterUnaryTransitVector(problem.Demands.ToArray());
        routing.AddDimensionWithVehicleCapacity(demandIndex, 0, vehicles.Select(v => v.Capacity).ToArray(), true, CapacityDimension);
        var time = AddTimeDimension(problem, costs, routing, manager);

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        // The limit bounds the whole solve, so the search gets what building the matrix and model left of it.
        var searchLimit = problem.TimeLimit - stopwatch.Elapsed;
        parameters.TimeLimit = Duration.FromTimeSpan(searchLimit > problem.TimeLimit * MinSearchShare ? searchLimit : problem.TimeLimit * MinSearchShare);

        // CancelSearch sets a flag the search polls with its limits; it also holds when set before the
        // search starts, so a token cancelled at any point after this line stops it.
        Assignment? solution;
        bool limitReached;
        using (cancellationToken.Register(routing.CancelSearch))
        {
            var searchStarted = stopwatch.Elapsed;
            solution = routing.SolveWithParameters(parameters);
            // CheckLimit polls OR-Tools' clock only now and then, so it can still say no just after the limit
            // stopped the search; a search that used (nearly) all its time was stopped by the limit.
            limitReached = routing.CheckLimit() || stopwatch.Elapsed - searchStarted >= parameters.TimeLimit.ToTimeSpan() * 0.95;
        }
        stopwatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        if (solution is null)
        {
            var status = routing.GetStatus();
            throw new RoutingFailedException(status == RoutingSearchStatus.Types.Value.RoutingFailTimeout
                ? $"the time limit of {problem.TimeLimit.TotalSeconds:0.###} s ran out before a first solution was found (solver status {status}): give a {problem.NodeCount}-node problem more time"
                : $"no solution exists or none was found within {problem.TimeLimit.TotalSeconds:0.###} s (solver status {status}): time windows may be too tight for the travel times");
        }

        var routes = new VehicleRoute[vehicles.Count];
        for (var v = 0; v < vehicles.Count; v++)
            routes[v] = ReadRoute(v, problem, costs, routing, manager, time, solution);
        return new RoutingSolution(routes, routes.Sum(r => r.Cost), limitReached, stopwatch.Elapsed);
    }

    /// <returns>The time dimension, or null when the problem has neither service times nor time windows.</returns>
    private static RoutingDimension? AddTimeDimension(RoutingProblem problem, long[][] costs, RoutingModel routing, RoutingIndexManager manager)
    {
        if (problem.ServiceTimes is null && problem.TimeWindows is null)
            return null;

        var nodes = problem.NodeCount;
        var travel = new long[nodes][];
        var horizon = 0L;
        for (var from = 0; from < nodes; from++)
        {
            var service = problem.ServiceTimes?[from] ?? 0;
            var row = travel[from] = new long[nodes];
            for (var to = 0; to < nodes; to++)
                row[to] = costs[from][to] + service;
            horizon += row.Max();
            if (problem.TimeWindows?[from] is { } window)
                horizon = Math.Max(horizon, window.Close);
        }

        var timeIndex = routing.RegisterTransitMatrix(travel);
        // Waiting is allowed up to the horizon: a vehicle that arrives early waits for a window to open.
        routing.AddDimension(timeIndex, horizon, horizon, false, TimeDimension);
        var time = routing.GetDimensionOrDie(TimeDimension);
        var windows = problem.TimeWindows;
        var depots = problem.Depots();
        for (var node = 0; node < nodes && windows is not null; node++)
        {
            if (windows[node] is { } window && !depots.Contains(node))
                time.CumulVar(manager.NodeToIndex(node)).SetRange(window.Open, window.Close);
        }
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            // Without a window at its depot a vehicle leaves at time 0: times are then relative to its departure.
            if (windows?[problem.Vehicles[v].StartNode] is { } start)
                time.CumulVar(routing.Start(v)).SetRange(start.Open, start.Close);
            else
                time.CumulVar(routing.Start(v)).SetValue(0);
            if (windows?[problem.Vehicles[v].EndNode] is { } end)
                time.CumulVar(routing.End(v)).SetRange(end.Open, end.Close);
        }
        // Leave as late and return as early as the plan allows, so the reported times carry no idle wait.
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            routing.AddVariableMaximizedByFinalizer(time.CumulVar(routing.Start(v)));
            routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(v)));
        }
        return time;
    }

    private static VehicleRoute ReadRoute(
        int vehicle, RoutingProblem problem, long[][] costs, RoutingModel routing, RoutingIndexManager manager,
        RoutingDimension? time, Assignment solution)
    {
        var stops = new List<int>();
        var arrivals = new List<long>();
        var previous = problem.Vehicles[vehicle].StartNode;
        var cost = 0L;
        var load = 0L;
        var index = solution.Value(routing.NextVar(routing.Start(vehicle)));
        while (!routing.IsEnd(index))
        {
            var node = manager.IndexToNode(index);
            stops.Add(node);
            if (time is not null)
                arrivals.Add(solution.Min(time.CumulVar(index)));
            cost += costs[previous][node];
            load += problem.Demands[node];
            previous = node;
            index = solution.Value(routing.NextVar(index));
        }
        cost += costs[previous][problem.Vehicles[vehicle].EndNode];
        var departure = time is null ? 0 : solution.Min(time.CumulVar(routing.Start(vehicle)));
        var back = time is null ? 0 : solution.Min(time.CumulVar(routing.End(vehicle)));
        return new VehicleRoute(vehicle, stops, cost, load, arrivals, departure, back);
    }
}
