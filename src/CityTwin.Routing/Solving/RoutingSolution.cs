namespace CityTwin.Routing.Solving;

/// <summary>The routes found, one per vehicle in the problem's order (empty for an unused vehicle).</summary>
/// <param name="Cost">Sum of the routes' travel costs.</param>
/// <param name="HitTimeLimit">The search was still improving when the time limit stopped it (guided local
/// search almost always is; false means it stopped on its own).</param>
/// <param name="Elapsed">Wall time of the solve: travel matrix, model and search.</param>
public sealed record RoutingSolution(IReadOnlyList<VehicleRoute> Routes, long Cost, bool HitTimeLimit, TimeSpan Elapsed)
{
    public long TotalLoad => Routes.Sum(r => r.Load);
}

/// <summary>One vehicle's route.</summary>
/// <param name="Stops">Stop nodes in visiting order, depots excluded.</param>
/// <param name="Cost">Travel cost from the start depot through the stops to the end depot.</param>
/// <param name="Load">Sum of the stops' demands.</param>
/// <param name="Arrivals">Arrival time at each stop when the problem has service times or time windows; else empty.</param>
/// <param name="Departure">When the vehicle leaves its start depot (0 without a time model).</param>
/// <param name="Return">When it is back at its end depot (0 without a time model).</param>
public sealed record VehicleRoute(
    int Vehicle,
    IReadOnlyList<int> Stops,
    long Cost,
    long Load,
    IReadOnlyList<long> Arrivals,
    long Departure,
    long Return);
