using System.Diagnostics;
using CityTwin.Routing.Problems;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace CityTwin.Routing.Solving;

/// <summary>
/// Solves a <see cref="RoutingProblem"/> with OR-Tools' routing library: a first solution by
/// PATH_CHEAPEST_ARC, improved by GUIDED_LOCAL_SEARCH until the time limit. Costs, demands and travel
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

    private static RoutingSolution SolveValidated(RoutingProblem problem, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
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
        parameters.TimeLimit = Duration.FromTimeSpan(problem.TimeLimit);

        // CancelSearch sets a flag the search polls with its limits; it also holds when set before the
        // search starts, so a token cancelled at any point after this line stops it.
        var stopwatch = Stopwatch.StartNew();
        Assignment? solution;
        bool limitReached;
        using (cancellationToken.Register(routing.CancelSearch))
        {
            solution = routing.SolveWithParameters(parameters);
            limitReached = routing.CheckLimit();
        }
        stopwatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        if (solution is null)
            throw new RoutingFailedException(
                $"no solution found within {problem.TimeLimit.TotalSeconds:0.###} s (solver status {routing.GetStatus()}): " +
                "time windows may be too tight for the travel times, or the time limit too short for the problem's size");

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
        if (problem.TimeWindows is { } windows)
        {
            var depots = problem.Depots();
            for (var node = 0; node < nodes; node++)
            {
                if (windows[node] is { } window && !depots.Contains(node))
                    time.CumulVar(manager.NodeToIndex(node)).SetRange(window.Open, window.Close);
            }
            for (var v = 0; v < problem.Vehicles.Count; v++)
            {
                if (windows[problem.Vehicles[v].StartNode] is { } start)
                    time.CumulVar(routing.Start(v)).SetRange(start.Open, start.Close);
                if (windows[problem.Vehicles[v].EndNode] is { } end)
                    time.CumulVar(routing.End(v)).SetRange(end.Open, end.Close);
            }
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
