using CityTwin.Domain.Common;

namespace CityTwin.Domain.Trucks;

/// <summary>
/// How a truck twin takes a reading, a route and an operator's decision. The methods update the state they
/// are given (the grain persists it afterwards) and do nothing else; time comes in as a parameter.
/// </summary>
public static class TruckRules
{
    /// <summary>GPS speed at a standstill wanders by 1 to 2 km/h; below this the truck is standing.</summary>
    public const double StationarySpeedKmh = 3;

    /// <summary>Load signal raised at this fraction of capacity...</summary>
    public const double LoadHighFraction = 0.9;

    /// <summary>...and cleared below this one, so a load hovering at 90 % does not flap.</summary>
    public const double LoadHighClearFraction = 0.85;

    /// <summary>A trail point is kept when the truck has moved this far since the last one...</summary>
    public const double TrackSpacingMetres = 50;

    /// <summary>...or this long has passed, so standing still does not fill the trail with one spot.</summary>
    public static readonly TimeSpan TrackMaxSilence = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Applies a reading taken at <paramref name="now"/>, which the caller has established is newer than the
    /// last one applied. A rejected reading leaves the state untouched.
    /// </summary>
    public static TruckOutcome Apply(TruckState state, TruckParameters parameters, TruckReading reading, DateTimeOffset now)
    {
        var violations = TruckValidation.Validate(reading, parameters);
        if (violations.Count > 0)
            return TruckOutcome.Rejected(violations);

        var signals = new List<TruckSignal>();
        var previousStatus = state.ServiceStatus;
        RecordTrackPoint(state, reading, now);
        state.Latitude = reading.Latitude;
        state.Longitude = reading.Longitude;
        state.Speed = reading.Speed;
        state.Heading = reading.Heading % 360;
        state.LastReadingAt = now;
        if (reading.ServiceStatus is { } reported)
            state.BrokenReported = reported == ServiceStatus.Broken;

        var moving = reading.Speed > StationarySpeedKmh;
        state.StationarySince = moving ? null : state.StationarySince ?? now;

        CollectionEvent? collected = null;
        int? completedStop = null;
        if (reading.Collection is { } collection && state.RecentCollections.Remember(collection.CollectionId))
        {
            collected = collection;
            // A lift proves the crew is working, however long the truck has been standing.
            if (!moving)
                state.StationarySince = now;
            completedStop = Collect(state, reading, collection, now, signals);
        }
        if (reading.CargoWeight is { } cargo)
            state.CargoWeight = cargo;

        TrackLoad(state, parameters, signals);
        UpdateStatus(state, parameters, now, previousStatus, signals);

        var nextStop = state.Route?.NextStopIndex();
        return new TruckOutcome(
            [], state.ServiceStatus != previousStatus, collected, completedStop, nextStop,
            DistanceToStop(state, nextStop), signals);
    }

    /// <summary>
    /// Takes what still counts from a reading older than the current state, taken at <paramref name="now"/>.
    /// Its position, speed and status are history, but a lift not reported before still happened: the bin is
    /// collected, its stop completed and its weight loaded, so a report that arrives out of order loses no
    /// collection. A rejected reading leaves the state untouched.
    /// </summary>
    public static TruckOutcome ApplyLate(TruckState state, TruckParameters parameters, TruckReading reading, DateTimeOffset now)
    {
        var violations = TruckValidation.Validate(reading, parameters);
        if (violations.Count > 0)
            return TruckOutcome.Rejected(violations);

        var signals = new List<TruckSignal>();
        var previousStatus = state.ServiceStatus;
        CollectionEvent? collected = null;
        int? completedStop = null;
        if (reading.Collection is { } collection && state.RecentCollections.Remember(collection.CollectionId))
        {
            collected = collection;
            // A late scale reading is older than the current load; only a lift without one adds weight.
            completedStop = Collect(state, reading, collection, now, signals);
            TrackLoad(state, parameters, signals);
            UpdateStatus(state, parameters, now, previousStatus, signals);
        }

        var nextStop = state.Route?.NextStopIndex();
        return new TruckOutcome(
            [], state.ServiceStatus != previousStatus, collected, completedStop, nextStop,
            DistanceToStop(state, nextStop), signals);
    }

    /// <summary>
    /// Gives the truck a route, replacing any earlier one. Broken or out-of-service trucks are refused: the
    /// planner should pick another.
    /// </summary>
    public static IReadOnlyList<RuleViolation> AssignRoute(
        TruckState state, TruckParameters parameters, RouteAssignment assignment, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>(TruckValidation.Validate(assignment));
        if (state.ServiceStatus is ServiceStatus.Broken or ServiceStatus.OutOfService)
            violations.Add(new("serviceStatus", state.ServiceStatus == ServiceStatus.Broken
                ? "a broken truck cannot take a route"
                : "a truck that is outOfService cannot take a route"));
        if (violations.Count > 0)
            return violations;

        var stops = assignment.Stops;
        state.Route = new TruckRoute
        {
            PlanId = assignment.PlanId,
            StopIds = stops.Select(s => s.BinId).ToArray(),
            StopLatitudes = stops.Select(s => (float)s.Latitude).ToArray(),
            StopLongitudes = stops.Select(s => (float)s.Longitude).ToArray(),
            Completed = new bool[stops.Count],
            AssignedAt = now,
        };
        RestartStationaryClock(state, now);
        state.ServiceStatus = DeriveStatus(state, parameters, now);
        return violations;
    }

    /// <summary>
    /// The planner takes a route back (a re-plan gave its bins to other trucks). Only the named plan's route is
    /// released, so a late release never clears a newer route; returns whether it was.
    /// </summary>
    public static bool ReleaseRoute(TruckState state, TruckParameters parameters, string planId, DateTimeOffset now)
    {
        if (state.Route is not { } route || route.PlanId != planId)
            return false;
        state.Route = null;
        state.ServiceStatus = DeriveStatus(state, parameters, now);
        return true;
    }

    /// <summary>An operator takes the truck out of service, or puts it back.</summary>
    public static TruckOutcome SetOutOfService(
        TruckState state, TruckParameters parameters, bool outOfService, DateTimeOffset now)
    {
        var previousStatus = state.ServiceStatus;
        var signals = new List<TruckSignal>();
        state.OutOfService = outOfService;
        RestartStationaryClock(state, now);
        UpdateStatus(state, parameters, now, previousStatus, signals);
        var nextStop = state.Route?.NextStopIndex();
        return new TruckOutcome(
            [], state.ServiceStatus != previousStatus, null, null, nextStop, DistanceToStop(state, nextStop), signals);
    }

    /// <summary>
    /// Standing still only counts towards a breakdown while the truck is expected to drive, so the clock of a
    /// truck that was standing before it got its route, or before it came back into service, starts now.
    /// </summary>
    private static void RestartStationaryClock(TruckState state, DateTimeOffset now)
    {
        if (state.StationarySince is not null)
            state.StationarySince = now;
    }

    /// <summary>Loads a lift seen for the first time and completes its stop; returns the stop's index.</summary>
    private static int? Collect(
        TruckState state, TruckReading reading, CollectionEvent collection, DateTimeOffset now, List<TruckSignal> signals)
    {
        // The on-board scale weighs the whole load, so when it reports it wins over adding lifts.
        if (reading.CargoWeight is null)
            state.CargoWeight += collection.WeightKg;
        return CompleteStop(state, collection.BinId, now, signals);
    }

    private static int? CompleteStop(TruckState state, string binId, DateTimeOffset now, List<TruckSignal> signals)
    {
        if (state.Route is not { } route || route.CompleteStop(binId) is not { } index)
            return null;
        if (!route.HasOpenStops())
        {
            route.CompletedAt = now;
            signals.Add(new(TruckSignal.RouteCompleted, Raised: true));
        }
        return index;
    }

    private static void TrackLoad(TruckState state, TruckParameters parameters, List<TruckSignal> signals)
    {
        var fraction = state.CargoWeight / parameters.CapacityKg;
        if (!state.LoadHigh && fraction >= LoadHighFraction)
        {
            state.LoadHigh = true;
            signals.Add(new(TruckSignal.LoadHigh, Raised: true));
        }
        else if (state.LoadHigh && fraction < LoadHighClearFraction)
        {
            state.LoadHigh = false;
            signals.Add(new(TruckSignal.LoadHigh, Raised: false));
        }
    }

    private static void UpdateStatus(
        TruckState state, TruckParameters parameters, DateTimeOffset now, ServiceStatus previous, List<TruckSignal> signals)
    {
        state.ServiceStatus = DeriveStatus(state, parameters, now);
        foreach (var (status, code) in new[] { (ServiceStatus.Broken, TruckSignal.Broken), (ServiceStatus.OutOfService, TruckSignal.OutOfService) })
        {
            if (previous != status && state.ServiceStatus == status)
                signals.Add(new(code, Raised: true));
            else if (previous == status && state.ServiceStatus != status)
                signals.Add(new(code, Raised: false));
        }
    }

    /// <summary>
    /// In order of precedence: out of service (operator); broken (reported by the vehicle, or standing away
    /// from the depot with stops left for longer than <see cref="TruckParameters.BrokenAfterStationary"/>);
    /// on route (stops left, or driving outside the depot without a route); parked (otherwise: at the depot,
    /// or standing with nothing to do).
    /// </summary>
    private static ServiceStatus DeriveStatus(TruckState state, TruckParameters parameters, DateTimeOffset now)
    {
        if (state.OutOfService)
            return ServiceStatus.OutOfService;
        var hasOpenStops = state.Route?.HasOpenStops() == true;
        var atDepot = IsAtDepot(state, parameters);
        if (state.BrokenReported
            || (hasOpenStops && !atDepot && state.StationarySince is { } since
                && now - since >= parameters.BrokenAfterStationary))
            return ServiceStatus.Broken;
        if (hasOpenStops || (!atDepot && state.Speed > StationarySpeedKmh))
            return ServiceStatus.OnRoute;
        return ServiceStatus.Parked;
    }

    /// <summary>A truck that has never reported a position is taken to be at its depot.</summary>
    private static bool IsAtDepot(TruckState state, TruckParameters parameters) =>
        state.Latitude is not { } latitude || state.Longitude is not { } longitude
        || GeoDistance.HaversineMetres(latitude, longitude, parameters.DepotLatitude, parameters.DepotLongitude)
           <= parameters.DepotRadiusMetres;

    private static double? DistanceToStop(TruckState state, int? stop) =>
        stop is { } i && state.Route is { } route && state.Latitude is { } latitude && state.Longitude is { } longitude
            ? GeoDistance.HaversineMetres(latitude, longitude, route.StopLatitudes[i], route.StopLongitudes[i])
            : null;

    private static void RecordTrackPoint(TruckState state, TruckReading reading, DateTimeOffset now)
    {
        var track = state.Track;
        if (track.Count > 0)
        {
            var last = track.Count - 1;
            var lastAt = track.Start!.Value.AddSeconds(track.Seconds[last]);
            var moved = GeoDistance.HaversineMetres(
                track.Latitudes[last], track.Longitudes[last], reading.Latitude, reading.Longitude);
            if (moved < TrackSpacingMetres && now - lastAt < TrackMaxSilence)
                return;
        }
        track.Add(now, reading.Latitude, reading.Longitude);
    }
}
