using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Bins;
using CityTwin.Domain.Collection;
using CityTwin.Domain.Intersections;
using CityTwin.Domain.Inventory;
using CityTwin.Routing.Collection;
using CityTwin.Routing.Roads;

namespace CityTwin.Grains.Collection;

/// <summary>Between the planner's contracts and state and the plain rules it calls.</summary>
internal static class CollectionMapping
{
    public static BinCandidate ToCandidate(CollectionBinReport bin) => new(
        bin.BinId,
        new BinState
        {
            FillingLevel = bin.FillingLevel,
            AboveThreshold = bin.AboveThreshold,
            CargoWeightKg = bin.CargoWeightKg,
            PredictedFullAt = bin.PredictedFullAt,
            Burning = bin.Burning,
            DateLastEmptying = bin.DateLastEmptying,
            Sensor = new BinSensorState
            {
                Health = Enum.TryParse<SensorHealth>(bin.SensorHealth, ignoreCase: true, out var health) ? health : SensorHealth.Ok,
            },
        },
        new BinParameters { BinCapacityLitres = bin.CapacityLitres, BinFullnessThreshold = bin.FullnessThreshold });

    public static PlannedBin ToPlanned(CollectionBinReport bin) =>
        new(bin.BinId, ToCoordinate(bin.Location), BinDemand.Kg(bin.CargoWeightKg, bin.FillingLevel, bin.CapacityLitres));

    public static WeeklyWindow ToWeekly(CollectionWindowSetting window) =>
        new(window.Day, TimeOnly.FromTimeSpan(window.StartOfDay), window.Length);

    public static bool IsAvailable(CollectionTruckReport truck) =>
        truck.Status is not (TruckServiceStatus.Broken or TruckServiceStatus.OutOfService);

    public static GeoCoordinate ToCoordinate(GeoPoint point) => new(point.Latitude, point.Longitude);

    public static GeoPoint ToPoint(GeoCoordinate point) => new(point.Latitude, point.Longitude);

    public static RoadShape ToShape(RoadSegment segment) => new(
        segment.Id, segment.FromIntersectionId, segment.ToIntersectionId,
        [.. segment.Geometry.Select(ToCoordinate)], segment.LengthMetres, segment.FreeFlowSpeedKmh);

    public static SegmentTravelTime ToDomain(SegmentTravelTimeView view) => new(
        view.SegmentId, view.ToIntersectionId, view.FreeFlowSeconds, view.EstimateSeconds,
        Enum.TryParse<TravelTimeSource>(view.Source, ignoreCase: true, out var source) ? source : TravelTimeSource.FreeFlow,
        view.SamplesUsed);

    public static RouteProgress ToProgress(StoredRoute route) =>
        new(new PlannedRoute(route.TruckId, route.BinIds, route.TravelSeconds, route.LoadKg, route.LegSeconds), route.Collected);

    public static CollectionPlanView ToView(StoredPlan plan) => new(
        plan.PlanId, plan.Revision, plan.WindowStart, plan.WindowEnd, plan.CreatedAt, plan.Reason,
        [.. plan.Routes.Select(r => new CollectionRouteView(r.TruckId, [.. r.BinIds], [.. r.BinIds.Where(r.Collected.Contains)], r.TravelSeconds, r.LoadKg))],
        [.. plan.Unroutable],
        CollectionProgress.IsComplete(plan.Routes.Select(ToProgress)),
        plan.SolveTime);

    public static string Name(ReplanReason reason) => reason switch
    {
        ReplanReason.TruckUnavailable => "truckUnavailable",
        ReplanReason.BinOnFire => "binOnFire",
        ReplanReason.CostMoved => "costMoved",
        _ => "roadsChanged",
    };

    public static CollectionPlanResult Failed(IEnumerable<FieldError> errors) => new(PlanStatus.Failed, null, [.. errors]);

    public static CollectionPlanResult Failed(string field, string message) => Failed([new FieldError(field, message)]);
}
