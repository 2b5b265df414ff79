using CityTwin.Domain.Collection;
using CityTwin.Routing;
using CityTwin.Routing.Problems;
using CityTwin.Savings.District;

namespace CityTwin.Savings.Collection;

/// <summary>A bin to lift in a round and the litres the planner expects to load there.</summary>
public sealed record RoundStop(SimulatedBin Bin, long ExpectedLitres);

/// <summary>One window's round as driven: when each bin was emptied, and what the round cost.</summary>
/// <param name="TruckHours">From leaving the depot to coming back, summed over the trucks used.</param>
/// <param name="LongestRouteHours">The longest truck's shift, to check it fits the window.</param>
/// <param name="HitTimeLimit">The planner was still improving when its time limit stopped it.</param>
public sealed record RoundOutcome(
    IReadOnlyDictionary<string, DateTimeOffset> EmptiedAt, double Kilometres, double TruckHours, int Lifts, int TrucksUsed,
    double LongestRouteHours, bool HitTimeLimit)
{
    public static RoundOutcome None { get; } = new(new Dictionary<string, DateTimeOffset>(), 0, 0, 0, 0, 0, false);

    public CollectionCost Cost(CollectionCostModel model) => model.Cost(Kilometres, TruckHours, Lifts);
}

/// <summary>
/// Plans a window's round with the district's planner (<see cref="RoutePlanner"/>): the depot and the bins on
/// a plane, travel time the straight line times the detour factor at the collection speed, a service time per
/// bin, enough trucks for the expected load with 10% spare. Trucks leave at the window's start; each bin is
/// emptied when its truck arrives.
/// </summary>
public static class CollectionRound
{
    public static async Task<RoundOutcome> DriveAsync(
        DistrictSettings settings, IReadOnlyList<RoundStop> stops, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        if (stops.Count == 0)
            return RoundOutcome.None;
        var points = stops.Select(s => s.Bin.Position).Prepend(settings.Depot).ToArray();
        var secondsPerMetre = settings.DetourFactor / (settings.CollectionSpeedKmh / 3.6);
        var demands = stops.Select(s => Math.Max(1, s.ExpectedLitres)).Prepend(0L).ToArray();
        var trucks = (int)Math.Max(1, Math.Ceiling(demands.Sum() * 1.1 / settings.TruckCapacityLitres));
        var service = (long)settings.ServicePerBin.TotalSeconds;
        var problem = new RoutingProblem
        {
            Costs = TravelCosts.Euclidean(points, secondsPerMetre),
            Demands = demands,
            Vehicles = [.. Enumerable.Range(0, trucks).Select(_ => new Vehicle(settings.TruckCapacityLitres, 0))],
            ServiceTimes = [.. Enumerable.Range(0, points.Length).Select(n => n == 0 ? 0 : service)],
            TimeLimit = settings.PlanTimeLimit,
        };
        var solution = await PlanAsync(problem, cancellationToken);

        var emptied = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        double metres = 0, hours = 0, longest = 0;
        var used = 0;
        foreach (var route in solution.Routes.Where(r => r.Stops.Count > 0))
        {
            used++;
            var previous = points[0];
            for (var i = 0; i < route.Stops.Count; i++)
            {
                var node = route.Stops[i];
                metres += Distance(previous, points[node]);
                previous = points[node];
                emptied[stops[node - 1].Bin.Id] = windowStart.AddSeconds(route.Arrivals[i]);
            }
            metres += Distance(previous, points[0]);
            var shift = (route.Return - route.Departure) / 3600.0;
            hours += shift;
            longest = Math.Max(longest, shift);
        }
        if (emptied.Count != stops.Count)
            throw new InvalidOperationException($"the plan visits {emptied.Count} of {stops.Count} bins");
        return new RoundOutcome(emptied, metres * settings.DetourFactor / 1000, hours, stops.Count, used, longest, solution.HitTimeLimit);
    }

    /// <summary>
    /// Plans; a round whose first solution did not come within the limit (a busy machine) is planned again with
    /// twice the limit, up to three times, as a district would rather wait than send no trucks.
    /// </summary>
    private static async Task<Routing.Solving.RoutingSolution> PlanAsync(RoutingProblem problem, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RoutePlanner.PlanAsync(problem, cancellationToken: cancellationToken);
            }
            catch (Routing.Solving.RoutingFailedException) when (attempt < 4)
            {
                problem = problem with { TimeLimit = problem.TimeLimit * 2 };
            }
        }
    }

    private static double Distance(PlanePoint a, PlanePoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
