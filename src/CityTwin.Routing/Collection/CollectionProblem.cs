using CityTwin.Domain.Common;
using CityTwin.Routing.Problems;
using CityTwin.Routing.Roads;
using CityTwin.Routing.Solving;

namespace CityTwin.Routing.Collection;

/// <summary>
/// A collection request turned into a routing problem over the district's roads. Nodes: each truck's start,
/// then each truck's depot (attached as a place to come back to, see <see cref="RoadEnd"/>), then the bins
/// that join an open road. Travel costs are road travel times in
/// seconds under the given conditions (live congestion, stale fallback, closures).
/// </summary>
public sealed class CollectionProblem
{
    private readonly string[] binOfNode;
    private readonly CollectionRequest request;

    private CollectionProblem(CollectionRequest request, RoutingProblem problem, string[] binOfNode, IReadOnlyList<UnroutableBin> unroutable)
    {
        this.request = request;
        Problem = problem;
        this.binOfNode = binOfNode;
        Unroutable = unroutable;
    }

    public RoutingProblem Problem { get; }

    /// <summary>Bins that no open road reaches within the attach distance: left out of the problem.</summary>
    public IReadOnlyList<UnroutableBin> Unroutable { get; }

    /// <exception cref="RoutingProblemException">A truck's start or depot is off the open roads, or there is no truck.</exception>
    public static CollectionProblem Build(CollectionRequest request, CollectionRoads roads, RoadConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(conditions);
        var violations = new List<RuleViolation>();
        if (request.Trucks.Count == 0)
            violations.Add(new("trucks", "no truck is available"));
        var positions = new List<RoadPosition>();
        foreach (var truck in request.Trucks)
            positions.Add(Attach(roads, truck.Start, RoadEnd.Departure, $"truck '{truck.TruckId}' start", violations));
        foreach (var truck in request.Trucks)
            positions.Add(Attach(roads, truck.Depot, RoadEnd.Arrival, $"truck '{truck.TruckId}' depot", violations));
        RoutingProblemException.ThrowIfAny(violations);

        var truckCount = request.Trucks.Count;
        var binOfNode = new List<string>(new string[2 * truckCount]);
        var demands = new List<long>(new long[2 * truckCount]);
        var unroutable = new List<UnroutableBin>();
        foreach (var bin in request.Bins)
        {
            if (roads.Attach(bin.Location) is not { } position)
            {
                unroutable.Add(new(bin.BinId, $"no open road within {CollectionRoads.AttachDistanceMetres:0} m"));
                continue;
            }
            positions.Add(position);
            binOfNode.Add(bin.BinId);
            demands.Add(bin.DemandKg);
        }

        var service = (long)Math.Round(request.ServiceTime.TotalSeconds);
        var problem = new RoutingProblem
        {
            Costs = new RoadTravelTimes(roads.Graph, conditions, positions),
            Demands = demands,
            Vehicles = [.. request.Trucks.Select((t, i) => new Vehicle(t.SpareCapacityKg, i, truckCount + i))],
            ServiceTimes = service > 0 ? [.. demands.Select((_, node) => node < 2 * truckCount ? 0L : service)] : null,
            TimeLimit = request.TimeLimit,
        };
        return new CollectionProblem(request, problem, [.. binOfNode], unroutable);
    }

    /// <summary>The solution as one route per truck of the request, in its order (empty for a truck not used).</summary>
    public IReadOnlyList<PlannedRoute> Routes(RoutingSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return [.. solution.Routes.Select(route =>
        {
            var vehicle = Problem.Vehicles[route.Vehicle];
            var path = route.Stops.Prepend(vehicle.StartNode).Append(vehicle.EndNode).ToArray();
            var legs = Problem.Costs.Matrix(path);
            var legSeconds = Enumerable.Range(0, path.Length - 1).Select(i => legs[i][i + 1]).ToArray();
            return new PlannedRoute(
                request.Trucks[route.Vehicle].TruckId,
                [.. route.Stops.Select(node => binOfNode[node])],
                legSeconds.Sum(),
                route.Load,
                legSeconds);
        })];
    }

    private static RoadPosition Attach(CollectionRoads roads, Domain.Inventory.GeoCoordinate point, RoadEnd end, string what, List<RuleViolation> violations)
    {
        if (roads.Attach(point, end) is { } position)
            return position;
        violations.Add(new("trucks", $"{what} ({point.Latitude:0.#####}, {point.Longitude:0.#####}) is not within {CollectionRoads.AttachDistanceMetres:0} m of an open road"));
        return new RoadPosition(roads.Graph.Links.Count > 0 ? roads.Graph.Links[0].SegmentId : "", 0);
    }
}
