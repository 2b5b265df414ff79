namespace CityTwin.Routing.Collection;

/// <summary>Why the remaining bins of a plan are planned again.</summary>
public enum ReplanReason
{
    /// <summary>A truck with bins still to collect broke down or was taken out of service.</summary>
    TruckUnavailable,

    /// <summary>A bin on a route caught fire: no truck may lift it.</summary>
    BinOnFire,

    /// <summary>The remaining routes' travel time under current traffic moved past the threshold.</summary>
    CostMoved,

    /// <summary>A road was closed or reopened.</summary>
    RoadsChanged,
}

/// <summary>A route of the current plan as far as it has got.</summary>
/// <param name="Collected">The route's bins already emptied.</param>
public sealed record RouteProgress(PlannedRoute Route, IReadOnlySet<string> Collected)
{
    /// <summary>The bins still to collect, in route order.</summary>
    public IReadOnlyList<string> Remaining => [.. Route.BinIds.Where(b => !Collected.Contains(b))];

    /// <summary>
    /// Index of the first leg not yet driven: the one into the first bin still to collect (the return leg when
    /// all are). Bins are taken in route order, so every leg before it is behind the truck.
    /// </summary>
    public int NextLeg
    {
        get
        {
            for (var i = 0; i < Route.BinIds.Count; i++)
            {
                if (!Collected.Contains(Route.BinIds[i]))
                    return i;
            }
            return Route.BinIds.Count;
        }
    }
}

/// <summary>
/// The rules that track a plan and say when to plan its remaining bins again. Plain functions of the plan and
/// what trucks and bins have said; the planner grain calls them and re-plans.
/// </summary>
public static class CollectionProgress
{
    /// <summary>The remaining bins of every route, burning bins left out (they are not to be lifted).</summary>
    public static IReadOnlyList<string> RemainingBins(IEnumerable<RouteProgress> routes, IReadOnlySet<string> burning) =>
        [.. routes.SelectMany(r => r.Remaining).Where(b => !burning.Contains(b)).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether a truck that became unavailable leaves bins behind: only then is a re-plan needed.</summary>
    public static bool LeavesBinsBehind(IEnumerable<RouteProgress> routes, string truckId) =>
        routes.Any(r => r.Route.TruckId == truckId && r.Remaining.Count > 0);

    /// <summary>Whether a bin that caught fire is still to be lifted by some route.</summary>
    public static bool IsStillPlanned(IEnumerable<RouteProgress> routes, string binId) =>
        routes.Any(r => r.Remaining.Contains(binId, StringComparer.Ordinal));

    /// <summary>All bins of all routes collected.</summary>
    public static bool IsComplete(IEnumerable<RouteProgress> routes) => routes.All(r => r.Remaining.Count == 0);

    /// <summary>
    /// The planned driving time of what is left: every leg from the one into the next bin to the return to the
    /// depot, as the plan estimated them.
    /// </summary>
    public static long PlannedRemainingSeconds(RouteProgress route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Route.LegSeconds.Skip(route.NextLeg).Sum();
    }

    /// <summary>
    /// Whether the remaining cost moved too far: <paramref name="currentSeconds"/> (the same remaining legs under
    /// today's travel times) against <paramref name="plannedSeconds"/>, relative change above
    /// <paramref name="threshold"/> (0.2 = 20 %) either way. Faster roads are a reason too: a re-plan may then
    /// take bins off a truck. Nothing left, nothing to move.
    /// </summary>
    public static bool CostMoved(long plannedSeconds, long currentSeconds, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        if (plannedSeconds <= 0)
            return false;
        return Math.Abs(currentSeconds - plannedSeconds) > threshold * plannedSeconds;
    }
}
