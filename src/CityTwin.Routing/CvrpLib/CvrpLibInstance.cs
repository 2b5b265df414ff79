using CityTwin.Routing.Problems;

namespace CityTwin.Routing.CvrpLib;

/// <summary>
/// A CVRP instance as read from a CVRPLIB/TSPLIB <c>.vrp</c> file. Nodes are numbered from 0 here (the file
/// numbers them from 1).
/// </summary>
/// <param name="Vehicles">The file's VEHICLES entry, else the <c>-kN</c> of its name (CVRPLIB's naming of
/// the fleet size), else null.</param>
/// <param name="Coordinates">Node positions when the file gives them.</param>
/// <param name="Costs">EUC_2D distances rounded with <c>nint</c>, or the explicit matrix.</param>
public sealed record CvrpLibInstance(
    string Name,
    string? Comment,
    int Dimension,
    long Capacity,
    int? Vehicles,
    IReadOnlyList<PlanePoint>? Coordinates,
    IReadOnlyList<long> Demands,
    IReadOnlyList<int> Depots,
    TravelCosts Costs)
{
    /// <summary>
    /// The instance as a routing problem: <paramref name="vehicles"/> vehicles (default <see cref="Vehicles"/>)
    /// of the instance's capacity, all at the first depot.
    /// </summary>
    /// <exception cref="InvalidOperationException">No vehicle count is given and the instance names none.</exception>
    public RoutingProblem ToProblem(TimeSpan timeLimit, int? vehicles = null)
    {
        var count = vehicles ?? Vehicles
            ?? throw new InvalidOperationException($"instance {Name} states no fleet size (no VEHICLES entry, no -kN in its name): pass one");
        return new RoutingProblem
        {
            Costs = Costs,
            Demands = Demands,
            Vehicles = Enumerable.Repeat(new Vehicle(Capacity, Depots[0]), count).ToArray(),
            Positions = Coordinates,
            TimeLimit = timeLimit,
        };
    }
}
