using CityTwin.Routing.Problems;
using static System.FormattableString;

namespace CityTwin.Routing.Zoning;

/// <summary>
/// Splits a large single-depot problem into zones by the sweep method (Gillett and Miller, "A heuristic
/// algorithm for the vehicle-dispatch problem", Operations Research 22(2), 1974): stops are ordered by their
/// bearing from the depot, and consecutive runs of that order become zones, so each zone is a wedge of the
/// city around the depot. Vehicles are dealt to zones as evenly as possible, and each zone takes the share of
/// the total demand its vehicles' share of the capacity calls for (cumulatively, so rounding never drifts).
/// The sweep starts at the widest empty gap in bearings, so a cluster of stops is not cut in two at the
/// arbitrary angle where bearings wrap.
/// A zone's demand can exceed its capacity by at most one stop's demand beyond its share; with little spare
/// capacity in the fleet that is refused with the numbers, and fewer zones are the remedy.
/// </summary>
public static class SweepZoning
{
    /// <exception cref="ArgumentException">The problem has several depots, no positions, or fewer vehicles than zones.</exception>
    /// <exception cref="RoutingProblemException">A zone's demand exceeds its vehicles' capacity.</exception>
    public static IReadOnlyList<Zone> Split(RoutingProblem problem, int zoneCount)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var depot = SingleDepot(problem);
        var positions = problem.PositionsOrDefault
            ?? throw new ArgumentException("zoning needs the nodes' positions: give Positions or Euclidean costs", nameof(problem));
        if (zoneCount < 1 || zoneCount > problem.Vehicles.Count)
            throw new ArgumentOutOfRangeException(nameof(zoneCount), zoneCount, Invariant($"needs 1..{problem.Vehicles.Count} (one vehicle at least per zone)"));

        var stops = SweepOrder(problem.Stops(), positions, depot);
        var vehicleGroups = Enumerable.Range(0, zoneCount)
            .Select(z => Enumerable.Range(z * problem.Vehicles.Count / zoneCount, (z + 1) * problem.Vehicles.Count / zoneCount - z * problem.Vehicles.Count / zoneCount).ToArray())
            .ToArray();
        var totalCapacity = (double)problem.Vehicles.Sum(v => v.Capacity);
        var totalDemand = stops.Sum(s => problem.Demands[s]);
        // Without demand (or capacity) to share, zones share the stops by vehicle count instead.
        var weights = totalDemand > 0 && totalCapacity > 0
            ? stops.Select(s => (double)problem.Demands[s]).ToArray()
            : stops.Select(_ => 1.0).ToArray();
        var totalWeight = weights.Sum();

        var zones = new List<Zone>(zoneCount);
        var next = 0;
        var cumulativeWeight = 0.0;
        var cumulativeShare = 0.0;
        for (var z = 0; z < zoneCount; z++)
        {
            cumulativeShare += totalDemand > 0 && totalCapacity > 0
                ? vehicleGroups[z].Sum(v => problem.Vehicles[v].Capacity) / totalCapacity
                : (double)vehicleGroups[z].Length / problem.Vehicles.Count;
            var target = z == zoneCount - 1 ? double.PositiveInfinity : cumulativeShare * totalWeight;
            var members = new List<int>();
            // Take a stop while it ends nearer the target than leaving it for the next zone would.
            while (next < stops.Length && cumulativeWeight + weights[next] / 2 <= target)
            {
                cumulativeWeight += weights[next];
                members.Add(stops[next++]);
            }
            zones.Add(new Zone(members, vehicleGroups[z]));
        }

        foreach (var zone in zones)
        {
            var demand = zone.Stops.Sum(s => problem.Demands[s]);
            var capacity = zone.Vehicles.Sum(v => problem.Vehicles[v].Capacity);
            if (demand > capacity)
                throw new RoutingProblemException([new("demands", Invariant(
                    $"a zone of {zone.Stops.Count} stops needs {demand}, more than the {capacity} its {zone.Vehicles.Count} vehicles carry: the fleet has too little spare capacity for {zoneCount} zones"))]);
        }
        return zones;
    }

    internal static int SingleDepot(RoutingProblem problem)
    {
        var depot = problem.Vehicles[0].StartNode;
        return problem.Vehicles.All(v => v.StartNode == depot && v.EndNode == depot)
            ? depot
            : throw new ArgumentException("zoning needs every vehicle to start and end at one depot", nameof(problem));
    }

    private static int[] SweepOrder(IReadOnlyList<int> stops, IReadOnlyList<PlanePoint> positions, int depot)
    {
        var origin = positions[depot];
        var byBearing = stops
            .Select(s => (Stop: s, Bearing: Math.Atan2(positions[s].Y - origin.Y, positions[s].X - origin.X)))
            .OrderBy(x => x.Bearing).ThenBy(x => x.Stop)
            .ToArray();
        if (byBearing.Length < 2)
            return byBearing.Select(x => x.Stop).ToArray();

        var start = 0;
        var widest = byBearing[0].Bearing + 2 * Math.PI - byBearing[^1].Bearing;
        for (var i = 1; i < byBearing.Length; i++)
        {
            var gap = byBearing[i].Bearing - byBearing[i - 1].Bearing;
            if (gap > widest)
                (widest, start) = (gap, i);
        }
        return byBearing.Skip(start).Concat(byBearing.Take(start)).Select(x => x.Stop).ToArray();
    }
}
