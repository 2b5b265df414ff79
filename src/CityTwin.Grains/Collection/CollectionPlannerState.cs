using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;

namespace CityTwin.Grains.Collection;

/// <summary>
/// A district planner's memory: settings and closures (written through), the bins and trucks as their twins
/// last reported them (written behind: a lost report is sent again on the twin's next change or activation),
/// and the current plan with its progress (written through when made, progress behind).
/// </summary>
public sealed class CollectionPlannerState
{
    public CollectionSettings? Settings { get; set; }

    public Dictionary<string, CollectionBinReport> Bins { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, CollectionTruckReport> Trucks { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ClosedSegmentView> ClosedSegments { get; set; } = new(StringComparer.Ordinal);

    public StoredPlan? Plan { get; set; }
}

public sealed class StoredPlan
{
    public string PlanId { get; set; } = "";

    public int Revision { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset WindowEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Reason { get; set; } = "";

    public List<StoredRoute> Routes { get; set; } = [];

    public List<FieldError> Unroutable { get; set; } = [];

    public TimeSpan SolveTime { get; set; }
}

/// <summary>One truck's route with what re-planning and progress checks need: where its bins are and the planned legs.</summary>
public sealed class StoredRoute
{
    public string TruckId { get; set; } = "";

    public GeoPoint Start { get; set; } = new(0, 0);

    public GeoPoint Depot { get; set; } = new(0, 0);

    public List<string> BinIds { get; set; } = [];

    public List<GeoPoint> BinLocations { get; set; } = [];

    public List<long> BinDemandsKg { get; set; } = [];

    public List<long> LegSeconds { get; set; } = [];

    public long TravelSeconds { get; set; }

    public long LoadKg { get; set; }

    public HashSet<string> Collected { get; set; } = new(StringComparer.Ordinal);
}
