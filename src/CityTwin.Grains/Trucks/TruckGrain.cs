using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Common;
using CityTwin.Domain.Trucks;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using static System.FormattableString;

namespace CityTwin.Grains.Trucks;

public sealed class TruckGrain(
    TwinServices services,
    ILogger<TruckGrain> logger)
    : TwinGrain<TruckState>(StorageNames.TruckTwinState, services), ITruckGrain
{
    private TruckParameters parameters = new();
    /// <summary>The reading being applied emptied a bin: it is written through before it is acknowledged.</summary>
    private bool liftApplied;

    protected override AssetKind Kind => AssetKind.Truck;

    protected override IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec)
    {
        var truck = (TruckSpec)spec;
        // A spec read from JSON may lack the depot; the rules only see its coordinates.
        return truck.Depot is null
            ? [new RuleViolation("depot", "is required")]
            : TruckValidation.Validate(ToParameters(truck));
    }

    protected override void OnSpecChanged(AssetSpec spec) => parameters = ToParameters((TruckSpec)spec);

    protected override void OnEnrolled(AssetProvision provision) => TellPlanner(provision, Now);

    /// <summary>A truck leaving the district leaves its bins to the others, as a breakdown does.</summary>
    protected override void OnWithdrawn(AssetProvision provision) => TellPlanner(provision, Now, active: false);

    /// <summary>A breakdown, a return to service, a finished route: the collection planner re-plans on them.</summary>
    protected override void OnTold(AssetProvision provision, DateTimeOffset now, IReadOnlyList<TwinSignal> signals) => TellPlanner(provision, now);

    private void TellPlanner(AssetProvision provision, DateTimeOffset now, string? collectedBinId = null, bool active = true)
    {
        var truck = KindState;
        var spec = (TruckSpec)provision.Spec;
        var location = truck.Latitude is { } latitude && truck.Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null;
        References.Get<ICollectionPlannerGrain>(provision.DistrictId).TruckChanged(new CollectionTruckReport(
            AssetId, now, active, ToContract(truck.ServiceStatus), location, spec.Depot, spec.CapacityKg, truck.CargoWeight,
            collectedBinId)).Ignore();
    }

    /// <summary>
    /// Positions and loads are written behind like any reading. A lift is not: the route's progress (which stop
    /// is done, the route completed) is what a re-plan after a crash reads back, and a lift forgotten would send
    /// a truck to an emptied bin. So a reading that emptied a bin is written through before it is acknowledged
    /// (a few hundred a day per truck).
    /// </summary>
    public async Task<ReadingResult> Report(DeviceStamp stamp, TruckTelemetry reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var domainReading = ToDomain(reading);
        liftApplied = false;
        var result = await AcceptReading(
            stamp,
            () => domainReading is null
                ? [new RuleViolation("location", "is required")]
                : TruckValidation.Validate(domainReading, parameters),
            now => ActOn(TruckRules.Apply(KindState, parameters, domainReading!, now), now),
            // A late reading's lift still counts, and can complete a route.
            now => ActOn(TruckRules.ApplyLate(KindState, parameters, domainReading!, now), now));
        if (liftApplied)
        {
            liftApplied = false;
            await WriteThroughAsync();
        }
        return result;
    }

    public async Task<CommandResult> AssignRoute(RouteAssignmentContract assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (Provisioned is null)
            return NotProvisioned();
        var route = ToDomain(assignment);
        // A planner repeating its command (a retry, a redelivery) must not wipe the progress made.
        if (KindState.Route is { } current && IsSameRoute(current, route))
            return CommandResult.Ok;
        var violations = TruckRules.AssignRoute(KindState, parameters, route, Now);
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteThroughAsync();
        await SendRouteAsync(Provisioned!);
        return CommandResult.Ok;
    }

    /// <summary>A truck back online is told its unfinished route again; it confirms by driving it.</summary>
    protected override Task ResendPendingCommandsAsync(AssetProvision provision) =>
        KindState.Route is { CompletedAt: null } ? SendRouteAsync(provision) : Task.CompletedTask;

    private Task SendRouteAsync(AssetProvision provision)
    {
        var route = KindState.Route!;
        var stops = route.StopIds
            .Select((id, i) => new RouteStopCommand(id, route.StopLatitudes[i], route.StopLongitudes[i], route.Completed[i]))
            .ToArray();
        return SendCommandAsync(provision, "assignRoute", new RouteCommand(route.PlanId, route.AssignedAt, stops));
    }

    private sealed record RouteCommand(string PlanId, DateTimeOffset IssuedAt, RouteStopCommand[] Stops);

    private sealed record RouteStopCommand(string BinId, double Latitude, double Longitude, bool Done);

    public async Task<CommandResult> ReleaseRoute(string planId)
    {
        if (Provisioned is not { } provision)
            return NotProvisioned();
        var now = Now;
        if (!TruckRules.ReleaseRoute(KindState, parameters, planId, now))
            return CommandResult.Ok;
        await WriteThroughAsync();
        await SendCommandAsync(provision, "releaseRoute", new ReleaseCommand(planId, now));
        return CommandResult.Ok;
    }

    private sealed record ReleaseCommand(string PlanId, DateTimeOffset IssuedAt);

    public async Task<CommandResult> SetOutOfService(bool outOfService)
    {
        if (Provisioned is not { } provision)
            return NotProvisioned();
        if (KindState.OutOfService == outOfService)
            return CommandResult.Ok;
        var now = Now;
        var signals = TruckRules.SetOutOfService(KindState, parameters, outOfService, now).Signals
            .Select(ToTwinSignal)
            .ToList();
        await WriteThroughAsync();
        Tell(provision, now, signals);
        return CommandResult.Ok;
    }

    protected override string[] BandNames => Names;

    private static readonly string[] Names = [PictureBands.Status, PictureBands.Load, PictureBands.Place];
    private static readonly string[] MeasureNames = [PictureMeasures.CargoKg];

    protected override void WriteBands(Span<string> values)
    {
        values[0] = JsonNames.Of(KindState.ServiceStatus);
        values[1] = PictureBands.Quarter(parameters.CapacityKg > 0 ? KindState.CargoWeight / parameters.CapacityKg : null);
        values[2] = PictureBands.PlaceOf(KindState.Latitude, KindState.Longitude);
    }

    protected override IReadOnlyDictionary<string, double> Measures() => new PictureMap<double>(MeasureNames, [KindState.CargoWeight]);

    public Task<TruckTwin?> GetTwin() => Task.FromResult(Twin());

    protected override object? KindTwin() => Twin();

    private TruckTwin? Twin()
    {
        if (State.Record is not { } record)
            return null;
        var truck = KindState;
        var capacity = ((TruckSpec)record.Provision.Spec).CapacityKg;
        var location = truck.Latitude is { } latitude && truck.Longitude is { } longitude
            ? new GeoPoint(latitude, longitude)
            : null;
        var reported = truck.LastReadingAt is not null;
        return new TruckTwin(
            AssetId,
            location,
            reported ? truck.Speed : null,
            reported ? truck.Heading : null,
            truck.CargoWeight,
            capacity,
            truck.CargoWeight / capacity,
            truck.LoadHigh,
            JsonNames.Of(truck.ServiceStatus),
            truck.Route is { } route ? Progress(route, location) : null,
            truck.LastReadingAt,
            Track(truck.Track));
    }

    /// <summary>Empties the bin of a lift seen for the first time; returns the signals for the district.</summary>
    private List<TwinSignal> ActOn(TruckOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Collected is { } collection)
        {
            liftApplied = true;
            RecordBinCollection(collection, now);
            TellPlanner(Provisioned!, now, collection.BinId);
        }
        return [.. outcome.Signals.Select(ToTwinSignal)];
    }

    /// <summary>
    /// The one place a lift reaches its bin: the domain passes each collection id here once. The bin counts
    /// a collection id once, so a reading redelivered after a crash (before the truck's state was written
    /// behind) empties it only once. The truck does not wait for the bin: a bin that refuses is logged.
    /// </summary>
    private void RecordBinCollection(CollectionEvent collection, DateTimeOffset at) =>
        EmptyBinAsync(collection, at).Ignore();

    private async Task EmptyBinAsync(CollectionEvent collection, DateTimeOffset at)
    {
        try
        {
            var result = await GrainFactory.GetGrain<IBinGrain>(collection.BinId).RecordCollection(collection.CollectionId, at);
            if (!result.Accepted)
                logger.LogWarning("Truck {TruckId} emptied bin {BinId} (collection {CollectionId}) but the bin refused it: {Errors}",
                    AssetId, collection.BinId, collection.CollectionId, string.Join("; ", result.Errors));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Truck {TruckId} could not tell bin {BinId} about collection {CollectionId}", AssetId, collection.BinId, collection.CollectionId);
        }
    }

    private TwinSignal ToTwinSignal(TruckSignal signal) => signal.Code switch
    {
        TruckSignal.LoadHigh => new TwinSignal(
            signal.Raised ? TwinSignalKind.ThresholdCrossed : TwinSignalKind.ThresholdCleared,
            signal.Code,
            Invariant($"{KindState.CargoWeight:0} of {parameters.CapacityKg:0} kg")),
        // Only ever raised, so as a condition it would stay active for good; a finished route moves the plan.
        TruckSignal.RouteCompleted => new TwinSignal(TwinSignalKind.PredictionMoved, signal.Code, KindState.Route?.PlanId),
        _ => SignalMapping.Condition(signal.Code, signal.Raised),
    };

    private CommandResult NotProvisioned() => Rejected("assetId", $"no truck '{AssetId}' is provisioned");

    private static bool IsSameRoute(TruckRoute current, RouteAssignment assignment) =>
        current.PlanId == assignment.PlanId
        && current.StopIds.SequenceEqual(assignment.Stops.Select(s => s.BinId))
        && current.StopLatitudes.SequenceEqual(assignment.Stops.Select(s => (float)s.Latitude))
        && current.StopLongitudes.SequenceEqual(assignment.Stops.Select(s => (float)s.Longitude));

    private static TruckRouteProgress Progress(TruckRoute route, GeoPoint? truckAt)
    {
        var stops = new List<TruckRouteStop>(route.StopIds.Length);
        for (var i = 0; i < route.StopIds.Length; i++)
            stops.Add(new TruckRouteStop(route.StopIds[i], new GeoPoint(route.StopLatitudes[i], route.StopLongitudes[i]), route.Completed[i]));
        var next = route.NextStopIndex();
        double? distance = next is { } n && truckAt is { } at
            ? GeoDistance.HaversineMetres(at.Latitude, at.Longitude, route.StopLatitudes[n], route.StopLongitudes[n])
            : null;
        return new TruckRouteProgress(
            route.PlanId, route.AssignedAt, route.CompletedAt, stops, route.CompletedCount,
            next, next is { } index ? route.StopIds[index] : null, distance);
    }

    private static List<TruckTrackPoint> Track(TrackHistory track) =>
        [.. Enumerable.Range(0, track.Count).Select(i => new TruckTrackPoint(track.TimeOf(i), new GeoPoint(track.LatitudeAt(i), track.LongitudeAt(i))))];

    private static TruckParameters ToParameters(TruckSpec spec) => new()
    {
        CapacityKg = spec.CapacityKg,
        DepotLatitude = spec.Depot.Latitude,
        DepotLongitude = spec.Depot.Longitude,
    };

    /// <summary>Null when the reading has no position, which the rules cannot do without.</summary>
    private static TruckReading? ToDomain(TruckTelemetry reading) =>
        reading.Location is not { } location
            ? null
            : new TruckReading(
                location.Latitude,
                location.Longitude,
                reading.Speed,
                reading.Heading,
                reading.CargoWeight,
                reading.ServiceStatus is { } status ? ToDomain(status) : null,
                reading.Collection is { } lift ? new CollectionEvent(lift.CollectionId, lift.BinId, lift.Weight) : null);

    /// <summary>Members JSON left out become values the rules refuse by name (no stops, NaN coordinates).</summary>
    private static RouteAssignment ToDomain(RouteAssignmentContract assignment) =>
        new(assignment.PlanId, [.. (assignment.Stops ?? []).Select(stop => new RouteStop(
            stop.BinId, stop.Location?.Latitude ?? double.NaN, stop.Location?.Longitude ?? double.NaN))]);

    private static TruckServiceStatus ToContract(ServiceStatus status) => status switch
    {
        ServiceStatus.OnRoute => TruckServiceStatus.OnRoute,
        ServiceStatus.Broken => TruckServiceStatus.Broken,
        ServiceStatus.OutOfService => TruckServiceStatus.OutOfService,
        _ => TruckServiceStatus.Parked,
    };

    private static ServiceStatus ToDomain(TruckServiceStatus status) => status switch
    {
        TruckServiceStatus.Parked => ServiceStatus.Parked,
        TruckServiceStatus.OnRoute => ServiceStatus.OnRoute,
        TruckServiceStatus.Broken => ServiceStatus.Broken,
        TruckServiceStatus.OutOfService => ServiceStatus.OutOfService,
        // An undefined value stays undefined, so validation names the field instead of the call failing.
        _ => (ServiceStatus)(int)status,
    };
}
