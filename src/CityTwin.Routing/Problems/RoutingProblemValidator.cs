using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Routing.Problems;

/// <summary>
/// What a problem must satisfy before the solver sees it. Checks that would otherwise surface as a
/// solver failure after the whole time limit (a stop heavier than any vehicle, more demand than the fleet
/// can carry) are refused up front, naming the numbers.
/// </summary>
public static class RoutingProblemValidator
{
    /// <summary>Enough to show what is wrong without flooding a log with a 5,000-row problem.</summary>
    private const int MaxViolations = 20;

    /// <exception cref="RoutingProblemException">The problem breaks a rule; every broken rule is listed.</exception>
    public static void ThrowIfInvalid(RoutingProblem problem) => RoutingProblemException.ThrowIfAny(Validate(problem));

    public static IReadOnlyList<RuleViolation> Validate(RoutingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var violations = new List<RuleViolation>();
        var nodes = problem.NodeCount;
        if (nodes == 0)
            violations.Add(new("costs", "there are no nodes"));
        if (!(problem.TimeLimit > TimeSpan.Zero))
            violations.Add(new("timeLimit", Invariant($"{problem.TimeLimit} is not a positive duration")));
        CheckLength(violations, "demands", problem.Demands.Count, nodes);
        CheckLength(violations, "serviceTimes", problem.ServiceTimes?.Count, nodes);
        CheckLength(violations, "timeWindows", problem.TimeWindows?.Count, nodes);
        CheckLength(violations, "positions", problem.Positions?.Count, nodes);
        CheckVehicles(violations, problem.Vehicles, nodes);
        if (violations.Count > 0)
            return violations;

        var depots = problem.Depots();
        for (var node = 0; node < nodes && violations.Count < MaxViolations; node++)
        {
            var demand = problem.Demands[node];
            if (demand < 0)
                violations.Add(new("demands", Invariant($"node {node} has demand {demand}; demands must not be negative")));
            else if (depots.Contains(node) && demand != 0)
                violations.Add(new("demands", Invariant($"node {node} is a depot but has demand {demand}; a depot's demand must be 0")));
            if (problem.ServiceTimes?[node] is < 0 and var service)
                violations.Add(new("serviceTimes", Invariant($"node {node} has service time {service}; it must not be negative")));
            if (problem.TimeWindows?[node] is { } window && (window.Open < 0 || window.Close < window.Open))
                violations.Add(new("timeWindows", Invariant($"node {node} has window [{window.Open}, {window.Close}]; it needs 0 <= open <= close")));
        }
        if (violations.Count > 0)
            return violations;

        CheckCapacity(violations, problem, depots);
        return violations;
    }

    private static void CheckLength(List<RuleViolation> violations, string field, int? count, int nodes)
    {
        if (count is { } given && given != nodes)
            violations.Add(new(field, Invariant($"has {given} entries for {nodes} nodes")));
    }

    private static void CheckVehicles(List<RuleViolation> violations, IReadOnlyList<Vehicle> vehicles, int nodes)
    {
        if (vehicles.Count == 0)
            violations.Add(new("vehicles", "there are no vehicles"));
        for (var v = 0; v < vehicles.Count && violations.Count < MaxViolations; v++)
        {
            var vehicle = vehicles[v];
            if (vehicle.Capacity < 0)
                violations.Add(new("vehicles", Invariant($"vehicle {v} has capacity {vehicle.Capacity}; it must not be negative")));
            if (vehicle.StartNode < 0 || vehicle.StartNode >= nodes)
                violations.Add(new("vehicles", Invariant($"vehicle {v} starts at node {vehicle.StartNode}, outside 0..{nodes - 1}")));
            if (vehicle.EndNode < 0 || vehicle.EndNode >= nodes)
                violations.Add(new("vehicles", Invariant($"vehicle {v} ends at node {vehicle.EndNode}, outside 0..{nodes - 1}")));
        }
    }

    private static void CheckCapacity(List<RuleViolation> violations, RoutingProblem problem, IReadOnlySet<int> depots)
    {
        var largestCapacity = problem.Vehicles.Max(v => v.Capacity);
        var totalCapacity = problem.Vehicles.Sum(v => v.Capacity);
        var totalDemand = 0L;
        for (var node = 0; node < problem.NodeCount; node++)
        {
            if (depots.Contains(node))
                continue;
            var demand = problem.Demands[node];
            totalDemand += demand;
            if (demand > largestCapacity && violations.Count < MaxViolations)
                violations.Add(new("demands", Invariant($"node {node} has demand {demand}, more than the largest vehicle capacity {largestCapacity}")));
        }
        if (totalDemand > totalCapacity)
            violations.Add(new("demands", Invariant(
                $"total demand {totalDemand} exceeds total capacity {totalCapacity} of {problem.Vehicles.Count} vehicles")));
    }
}
