using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Collection;

/// <summary>
/// A district's waste-collection planner, keyed by district id. Bin and truck twins tell it (one-way) what
/// changes a plan; it plans each collection window on the district's roads under live congestion and
/// closures, solving outside its turn, sends each truck its route, follows the collections and re-plans the
/// remaining bins when a truck breaks down, a bin on a route catches fire, a road closes or reopens, or the
/// remaining cost moves past the threshold. Settings, closures and plans are written through.
/// </summary>
[Alias("citytwin.ICollectionPlannerGrain")]
public interface ICollectionPlannerGrain : IGrainWithStringKey
{
    /// <summary>A bin's state as the planner needs it; sent by the bin on every significant change.</summary>
    [Alias("BinChanged"), OneWay]
    Task BinChanged(CollectionBinReport report);

    /// <summary>A truck's status, load and position, and a bin it emptied; sent on those changes only.</summary>
    [Alias("TruckChanged"), OneWay]
    Task TruckChanged(CollectionTruckReport report);

    [Alias("Configure")]
    Task<CommandResult> Configure(CollectionSettings settings);

    [Alias("GetSettings")]
    Task<CollectionSettings?> GetSettings();

    /// <summary>Closes a segment of the district's road network to collection trucks; a plan under way is re-planned around it.</summary>
    [Alias("CloseSegment")]
    Task<CommandResult> CloseSegment(string segmentId, string? reason);

    [Alias("ReopenSegment")]
    Task<CommandResult> ReopenSegment(string segmentId);

    [Alias("GetClosedSegments")]
    Task<IReadOnlyList<ClosedSegmentView>> GetClosedSegments();

    /// <summary>
    /// Plans the next collection window now (a timer also does, <see cref="CollectionSettings.LeadTime"/> before
    /// each window). A request made while another plan is solving cancels it: the older call returns
    /// <see cref="PlanStatus.Superseded"/>.
    /// </summary>
    [Alias("PlanNextWindow")]
    Task<CollectionPlanResult> PlanNextWindow();

    /// <summary>The current plan with its progress; null before the first.</summary>
    [Alias("GetPlan")]
    Task<CollectionPlanView?> GetPlan();

    /// <summary>Whether a plan is being solved now, and how many plans this activation started.</summary>
    [Alias("GetPlanning")]
    Task<PlanningView> GetPlanning();

    /// <summary>Compares the remaining routes' travel time under current traffic with the plan's (a timer does too) and re-plans past the threshold.</summary>
    [Alias("CheckProgress")]
    Task<CollectionPlanResult?> CheckProgress();
}
