namespace CityTwin.Routing.Problems;

/// <summary>
/// A capacitated vehicle-routing problem over nodes 0..n-1. A node is a depot when some vehicle starts or
/// ends there; every other node is a stop that exactly one vehicle visits. Costs, service times and time
/// windows share one integer unit (seconds for a city, distance units for CVRPLIB): the travel cost of an arc
/// is also its travel time when service times or time windows are given. Checked by
/// <see cref="RoutingProblemValidator"/> before any solving.
/// </summary>
public sealed record RoutingProblem
{
    /// <summary>Travel cost (and time) between nodes.</summary>
    public required TravelCosts Costs { get; init; }

    /// <summary>What each node adds to the load of the vehicle visiting it; 0 at depots.</summary>
    public required IReadOnlyList<long> Demands { get; init; }

    public required IReadOnlyList<Vehicle> Vehicles { get; init; }

    /// <summary>Time spent at each node before leaving it; none when null.</summary>
    public IReadOnlyList<long>? ServiceTimes { get; init; }

    /// <summary>
    /// When each node may be served (arrival, waiting allowed); null for no window. At a depot the window
    /// bounds when vehicles leave and return.
    /// </summary>
    public IReadOnlyList<TimeWindow?>? TimeWindows { get; init; }

    /// <summary>Where nodes lie on a plane, for zoning; taken from <see cref="Costs"/> when it is Euclidean.</summary>
    public IReadOnlyList<PlanePoint>? Positions { get; init; }

    /// <summary>How long solving may take (travel matrix, model and search); the best solution found by then is returned.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    public int NodeCount => Costs.NodeCount;

    /// <summary>The positions to zone by: the given ones, else the Euclidean costs' points, else none.</summary>
    public IReadOnlyList<PlanePoint>? PositionsOrDefault => Positions ?? (Costs as EuclideanCosts)?.Points;

    /// <summary>Nodes where a vehicle starts or ends.</summary>
    public IReadOnlySet<int> Depots() => Vehicles.SelectMany(v => new[] { v.StartNode, v.EndNode }).ToHashSet();

    /// <summary>Every node that is not a depot, in node order.</summary>
    public IReadOnlyList<int> Stops()
    {
        var depots = Depots();
        return Enumerable.Range(0, NodeCount).Where(node => !depots.Contains(node)).ToArray();
    }
}

/// <summary>A vehicle with its capacity (same unit as demands) and the depots it starts from and returns to.</summary>
public sealed record Vehicle(long Capacity, int StartNode, int EndNode)
{
    /// <summary>A vehicle that starts and ends at one depot.</summary>
    public Vehicle(long capacity, int depot) : this(capacity, depot, depot)
    {
    }
}

/// <summary>Earliest and latest arrival, inclusive, in the problem's time unit.</summary>
public readonly record struct TimeWindow(long Open, long Close);

/// <summary>A position on a plane (any unit; metres for a city).</summary>
public readonly record struct PlanePoint(double X, double Y);
