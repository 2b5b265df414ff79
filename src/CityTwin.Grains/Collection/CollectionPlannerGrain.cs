using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Live;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Collection;
using CityTwin.Grains.Coordination;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Time;
using CityTwin.Grains.Twins;
using CityTwin.Routing;
using CityTwin.Routing.Collection;
using CityTwin.Routing.Problems;
using CityTwin.Routing.Roads;
using CityTwin.Routing.Solving;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using static CityTwin.Grains.Collection.CollectionMapping;

namespace CityTwin.Grains.Collection;

/// <summary>
/// A district's collection planner. Reentrant so that it keeps answering (reports, reads, a newer plan
/// request) while a solve runs on a worker thread; every change of state happens between awaits, and
/// writes go one at a time. What it decides comes from plain rules: <see cref="CollectionSelection"/>,
/// <see cref="CollectionProblem"/>, <see cref="CollectionProgress"/>, <see cref="RoutePlanner"/>.
/// </summary>
[Reentrant]
public sealed class CollectionPlannerGrain(
    [PersistentState(StorageNames.CollectionPlannerState, StorageNames.Provider)] IPersistentState<CollectionPlannerState> state,
    CityClock clock,
    IOptions<TwinOptions> twinOptions,
    IOptions<WakeUpOptions> wakeUpOptions,
    ILogger<CollectionPlannerGrain> logger)
    : Grain, ICollectionPlannerGrain, IRemindable
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private CancellationTokenSource? solving;
    private int plansStarted;
    private int plansSuperseded;
    private bool unsaved;
    private IGrainTimer? flushTimer;
    private IGrainTimer? windowTimer;
    private IGrainTimer? progressTimer;

    private string DistrictId => this.GetPrimaryKeyString();

    /// <summary>
    /// The planner's row holds every bin of the district, so its snapshots are written behind at most this often
    /// (the twins' own interval when longer). A snapshot lost in a crash comes again with the bin's next change.
    /// </summary>
    private TimeSpan WriteBehindInterval =>
        twinOptions.Value.WriteBehindInterval > TimeSpan.FromSeconds(30) ? twinOptions.Value.WriteBehindInterval : TimeSpan.FromSeconds(30);

    private CollectionPlannerState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleTimers();
        if (State.Settings is not null)
        {
            // After activation, off its path: settings stored before the wake-up reminder existed get one, and a
            // plan's progress is caught up with the trucks'.
            this.RegisterGrainTimer(
                async _ =>
                {
                    await WakeUpReminder.EnsureAsync(this, wakeUpOptions.Value, logger);
                    await CatchUpProgressAsync();
                },
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// The plan's progress is written behind here, but each truck writes its lifts through: after a crash the
    /// trucks' routes say what was done, so nothing collected is planned again.
    /// </summary>
    private async Task CatchUpProgressAsync()
    {
        if (ActivePlan() is not { } plan)
            return;
        var caughtUp = false;
        foreach (var route in plan.Routes.Where(r => r.Collected.Count < r.BinIds.Count))
        {
            try
            {
                if ((await GrainFactory.GetGrain<ITruckGrain>(route.TruckId).GetTwin())?.Route is not { } progress || progress.PlanId != plan.PlanId)
                    continue;
                foreach (var stop in progress.Stops.Where(s => s.Completed && route.BinIds.Contains(s.BinId)))
                    caughtUp |= route.Collected.Add(stop.BinId);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reading the progress of truck {TruckId} failed; its lifts reach the plan as it reports them", route.TruckId);
            }
        }
        if (caughtUp)
            MarkChanged();
    }

    /// <summary>
    /// The wake-up reminder: activating is the work (it schedules planning ahead and progress checks), so after a
    /// restart the next window is planned, and a plan under way followed, without waiting for a bin or truck.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WakeUpReminder.Name)
            return;
        if (State.Settings is null)
            await WakeUpReminder.StopAsync(this);
        else if (windowTimer is null)
            ScheduleTimers();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        solving?.Cancel();
        if (unsaved)
            await WriteAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task BinChanged(CollectionBinReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (State.Bins.TryGetValue(report.BinId, out var known) && known.At > report.At)
            return Task.CompletedTask;
        if (report.Active)
            State.Bins[report.BinId] = report;
        else
            State.Bins.Remove(report.BinId);
        MarkChanged();
        // A burning bin must not go into a compactor: take it off the routes at once.
        if (report.Burning && ActivePlan() is { } plan && CollectionProgress.IsStillPlanned(plan.Routes.Select(ToProgress), report.BinId))
            ReplanInBackground(ReplanReason.BinOnFire);
        return Task.CompletedTask;
    }

    public Task TruckChanged(CollectionTruckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Active)
            State.Trucks.Remove(report.TruckId);
        else if (!State.Trucks.TryGetValue(report.TruckId, out var known) || known.At <= report.At)
            State.Trucks[report.TruckId] = report;
        if (report.CollectedBinId is { } bin && State.Plan is { } current)
        {
            foreach (var route in current.Routes.Where(r => r.BinIds.Contains(bin)))
                route.Collected.Add(bin);
        }
        MarkChanged();
        if ((!report.Active || !IsAvailable(report))
            && ActivePlan() is { } plan
            && CollectionProgress.LeavesBinsBehind(plan.Routes.Select(ToProgress), report.TruckId))
            ReplanInBackground(ReplanReason.TruckUnavailable);
        return Task.CompletedTask;
    }

    public async Task<CommandResult> Configure(CollectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = Validate(settings);
        if (errors.Count > 0)
            return CommandResult.Rejected(errors);
        State.Settings = settings;
        await WriteThroughAsync();
        ScheduleTimers();
        await WakeUpReminder.EnsureAsync(this, wakeUpOptions.Value, logger);
        return CommandResult.Ok;
    }

    public Task<CollectionSettings?> GetSettings() => Task.FromResult(State.Settings);

    public async Task<CommandResult> CloseSegment(string segmentId, string? reason)
    {
        if (string.IsNullOrWhiteSpace(segmentId))
            return CommandResult.Rejected("segmentId", "is required");
        var segments = await GrainFactory.GetGrain<IRoadNetworkGrain>(DistrictId).GetSegments();
        if (segments.All(s => s.Id != segmentId))
            return CommandResult.Rejected("segmentId", $"no segment '{segmentId}' in the road network of district '{DistrictId}'");
        if (State.ClosedSegments.ContainsKey(segmentId))
            return CommandResult.Ok;
        State.ClosedSegments[segmentId] = new ClosedSegmentView(segmentId, reason, clock.Now);
        await WriteThroughAsync();
        if (ActivePlan() is not null)
            ReplanInBackground(ReplanReason.RoadsChanged);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ReopenSegment(string segmentId)
    {
        if (string.IsNullOrWhiteSpace(segmentId))
            return CommandResult.Rejected("segmentId", "is required");
        if (!State.ClosedSegments.Remove(segmentId))
            return CommandResult.Ok;
        await WriteThroughAsync();
        if (ActivePlan() is not null)
            ReplanInBackground(ReplanReason.RoadsChanged);
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<ClosedSegmentView>> GetClosedSegments() =>
        Task.FromResult<IReadOnlyList<ClosedSegmentView>>([.. State.ClosedSegments.Values.OrderBy(c => c.SegmentId, StringComparer.Ordinal)]);

    public Task<CollectionPlanView?> GetPlan() => Task.FromResult(State.Plan is { } plan ? ToView(plan) : null);

    public Task<PlanningView> GetPlanning() => Task.FromResult(new PlanningView(solving is not null, plansStarted, plansSuperseded, State.Bins.Count, State.Trucks.Count));

    public async Task<CollectionPlanResult> PlanNextWindow()
    {
        if (State.Settings is not { } settings)
            return Failed("settings", $"district '{DistrictId}' has no collection windows; configure them first");
        if (await TimeZoneAsync() is not { } zone)
            return Failed("districtId", $"no district '{DistrictId}' in the city directory");
        var schedule = new CollectionSchedule([.. settings.Windows.Select(ToWeekly)], zone);
        var next = schedule.NextStartingAt(clock.Now);
        var following = schedule.After(next);
        var selected = CollectionSelection.Select(State.Bins.Values.Select(ToCandidate), next, following)
            .Where(s => s.Collect)
            .Select(s => ToPlanned(State.Bins[s.BinId]))
            .ToList();
        var trucks = State.Trucks.Values
            .Where(IsAvailable)
            .OrderBy(t => t.TruckId, StringComparer.Ordinal)
            .Select(t => new PlanningTruck(t.TruckId, ToCoordinate(t.Depot), ToCoordinate(t.Depot), (long)Math.Floor(t.CapacityKg)))
            .ToList();
        var revision = State.Plan is { } previous && previous.WindowStart == next.Start ? previous.Revision + 1 : 0;
        return await SolveAsync(settings, next, revision, "window", selected, trucks);
    }

    public async Task<CollectionPlanResult?> CheckProgress()
    {
        if (ActivePlan() is not { } plan || State.Settings is not { } settings)
            return null;
        var (segments, traffic) = await ReadRoadsAsync();
        var closed = State.ClosedSegments.Keys.ToArray();
        var routes = plan.Routes.Select(r => (Progress: ToProgress(r), Route: r)).Where(r => r.Progress.Remaining.Count > 0).ToList();
        var (planned, current) = await Task.Run(() =>
        {
            var roads = new CollectionRoads(segments, closed);
            var conditions = new RoadConditions(traffic, closed);
            long plannedSeconds = 0, currentSeconds = 0;
            foreach (var (progress, route) in routes)
            {
                var next = progress.NextLeg;
                var from = next == 0 ? route.Start : route.BinLocations[next - 1];
                var path = route.BinLocations.Skip(next).Prepend(from).Append(route.Depot).Select(ToCoordinate).ToList();
                // A leg the roads no longer allow is a change no threshold can ignore.
                currentSeconds += RoadPaths.Seconds(roads, conditions, path) ?? long.MaxValue / 4;
                plannedSeconds += CollectionProgress.PlannedRemainingSeconds(progress);
            }
            return (plannedSeconds, currentSeconds);
        });
        return CollectionProgress.CostMoved(planned, current, settings.ReplanCostThreshold)
            ? await ReplanAsync(ReplanReason.CostMoved)
            : null;
    }

    /// <summary>Plans the remaining bins of the current plan again, with the trucks still available from where they are now.</summary>
    private async Task<CollectionPlanResult?> ReplanAsync(ReplanReason reason)
    {
        if (ActivePlan() is not { } plan || State.Settings is not { } settings)
            return null;
        var burning = State.Bins.Values.Where(b => b.Burning).Select(b => b.BinId).ToHashSet(StringComparer.Ordinal);
        var remaining = CollectionProgress.RemainingBins(plan.Routes.Select(ToProgress), burning).ToHashSet(StringComparer.Ordinal);
        var bins = plan.Routes
            .SelectMany(r => r.BinIds.Select((id, i) => (id, r.BinLocations[i], r.BinDemandsKg[i])))
            .Where(b => remaining.Contains(b.id))
            .DistinctBy(b => b.id)
            .Select(b => new PlannedBin(b.id, ToCoordinate(b.Item2), b.Item3))
            .ToList();
        var trucks = new List<PlanningTruck>();
        foreach (var truck in State.Trucks.Values.Where(IsAvailable).OrderBy(t => t.TruckId, StringComparer.Ordinal))
        {
            // Where the truck is now and what it carries: one call per truck of the district, only when re-planning.
            var twin = await GrainFactory.GetGrain<ITruckGrain>(truck.TruckId).GetTwin();
            if (twin is null || twin.ServiceStatus is "broken" or "outOfService")
                continue;
            var start = twin.Location ?? truck.Depot;
            var spare = (long)Math.Floor(Math.Max(0, twin.CapacityKg - twin.CargoWeight));
            trucks.Add(new PlanningTruck(truck.TruckId, ToCoordinate(start), ToCoordinate(truck.Depot), spare));
        }
        var window = new CollectionWindow(plan.WindowStart, plan.WindowEnd);
        return await SolveAsync(settings, window, plan.Revision + 1, Name(reason), bins, trucks);
    }

    private void ReplanInBackground(ReplanReason reason) =>
        ReplanAsync(reason).ContinueWith(
            t => logger.LogWarning(t.Exception, "Re-planning collection in district {DistrictId} ({Reason}) failed", DistrictId, reason),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current).Ignore();

    /// <summary>
    /// Solves on a worker thread, cancelling any solve still running; stores the plan (written through) and
    /// sends each truck its route, unless a newer request superseded this one meanwhile.
    /// </summary>
    private async Task<CollectionPlanResult> SolveAsync(
        CollectionSettings settings, CollectionWindow window, int revision, string reason,
        IReadOnlyList<PlannedBin> bins, IReadOnlyList<PlanningTruck> trucks)
    {
        solving?.Cancel();
        var cancellation = new CancellationTokenSource();
        solving = cancellation;
        plansStarted++;
        try
        {
            var (segments, traffic) = await ReadRoadsAsync();
            cancellation.Token.ThrowIfCancellationRequested();
            var closed = State.ClosedSegments.Keys.ToArray();
            var request = new CollectionRequest(bins, trucks, settings.ServiceTimePerBin, settings.SolverTimeLimit);
            var token = cancellation.Token;
            var (routes, unroutable, elapsed) = await Task.Run(async () =>
            {
                var roads = new CollectionRoads(segments, closed);
                var problem = CollectionProblem.Build(request, roads, new RoadConditions(traffic, closed));
                if (problem.Problem.NodeCount == 2 * trucks.Count)
                    return ((IReadOnlyList<PlannedRoute>)[], problem.Unroutable, TimeSpan.Zero);
                var solution = await RoutePlanner.PlanAsync(problem.Problem, cancellationToken: token);
                return (problem.Routes(solution), problem.Unroutable, solution.Elapsed);
            }, token);
            if (!ReferenceEquals(solving, cancellation))
                throw new OperationCanceledException(token);

            var plan = ToStored(window, revision, reason, request, routes, unroutable, elapsed);
            var previous = State.Plan;
            State.Plan = plan;
            await WriteThroughAsync();
            await DispatchAsync(plan, previous);
            await GrainFactory.GetGrain<IDistrictFeed>(DistrictId).PublishPlanChange(new LivePlanChange(
                "collection", plan.PlanId, $"plan {plan.PlanId} revision {plan.Revision}: {plan.Routes.Count} route(s), {plan.Unroutable.Count} unroutable ({plan.Reason})"));
            return new CollectionPlanResult(PlanStatus.Planned, ToView(plan), []);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested || !ReferenceEquals(solving, cancellation))
        {
            plansSuperseded++;
            return new CollectionPlanResult(PlanStatus.Superseded, null, []);
        }
        catch (RoutingProblemException e)
        {
            return Failed(e.Violations.Select(v => new FieldError(v.Field, v.Message)));
        }
        catch (RoutingFailedException e)
        {
            return Failed("plan", e.Message);
        }
        finally
        {
            if (ReferenceEquals(solving, cancellation))
                solving = null;
            cancellation.Dispose();
        }
    }

    private StoredPlan ToStored(
        CollectionWindow window, int revision, string reason, CollectionRequest request,
        IReadOnlyList<PlannedRoute> routes, IReadOnlyList<UnroutableBin> unroutable, TimeSpan elapsed)
    {
        var bins = request.Bins.ToDictionary(b => b.BinId, StringComparer.Ordinal);
        var trucks = request.Trucks.ToDictionary(t => t.TruckId, StringComparer.Ordinal);
        return new StoredPlan
        {
            PlanId = $"{DistrictId}-{window.Start.UtcDateTime:yyyyMMdd'T'HHmm}-r{revision}",
            Revision = revision,
            WindowStart = window.Start,
            WindowEnd = window.End,
            CreatedAt = clock.Now,
            Reason = reason,
            SolveTime = elapsed,
            Unroutable = [.. unroutable.Select(u => new FieldError(u.BinId, u.Reason))],
            Routes = [.. routes.Where(r => r.BinIds.Count > 0).Select(r => new StoredRoute
            {
                TruckId = r.TruckId,
                Start = ToPoint(trucks[r.TruckId].Start),
                Depot = ToPoint(trucks[r.TruckId].Depot),
                BinIds = [.. r.BinIds],
                BinLocations = [.. r.BinIds.Select(b => ToPoint(bins[b].Location))],
                BinDemandsKg = [.. r.BinIds.Select(b => bins[b].DemandKg)],
                LegSeconds = [.. r.LegSeconds],
                TravelSeconds = r.TravelSeconds,
                LoadKg = r.LoadKg,
            })],
        };
    }

    /// <summary>
    /// Each truck with a route is told it; a truck that refuses (it broke down meanwhile) is logged and reported
    /// by its twin. A truck the previous plan gave bins and this one none has its old route taken back, so no
    /// bin is collected twice.
    /// </summary>
    private async Task DispatchAsync(StoredPlan plan, StoredPlan? previous)
    {
        var routed = plan.Routes.Select(r => r.TruckId).ToHashSet(StringComparer.Ordinal);
        foreach (var idle in (previous?.Routes ?? []).Where(r => !routed.Contains(r.TruckId) && r.Collected.Count < r.BinIds.Count))
        {
            var released = await GrainFactory.GetGrain<ITruckGrain>(idle.TruckId).ReleaseRoute(previous!.PlanId);
            if (!released.Accepted)
                logger.LogWarning("Truck {TruckId} kept route of plan {PlanId}: {Errors}",
                    idle.TruckId, previous.PlanId, string.Join("; ", released.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        foreach (var route in plan.Routes)
        {
            var stops = route.BinIds.Select((id, i) => new RouteStopContract(id, route.BinLocations[i])).ToArray();
            var result = await GrainFactory.GetGrain<ITruckGrain>(route.TruckId).AssignRoute(new RouteAssignmentContract(plan.PlanId, stops));
            if (!result.Accepted)
                logger.LogWarning("Truck {TruckId} refused route of plan {PlanId}: {Errors}",
                    route.TruckId, plan.PlanId, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    /// <summary>The roads and the intersections' live travel times: read per plan, not kept, as they change all day.</summary>
    private async Task<(IReadOnlyList<RoadShape> Segments, IReadOnlyList<IntersectionTraffic> Traffic)> ReadRoadsAsync()
    {
        var segments = await GrainFactory.GetGrain<IRoadNetworkGrain>(DistrictId).GetSegments();
        var intersections = segments.Select(s => s.FromIntersectionId).Distinct(StringComparer.Ordinal).ToList();
        var traffic = await Task.WhenAll(intersections.Select(async id =>
        {
            var intersection = GrainFactory.GetGrain<IIntersectionGrain>(id);
            var times = await intersection.GetTravelTimes();
            if (times.Count == 0)
                return null;
            var status = await intersection.GetStatus();
            return new IntersectionTraffic(id, status.Stale, [.. times.Select(CollectionMapping.ToDomain)]);
        }));
        return ([.. segments.Select(ToShape)], [.. traffic.OfType<IntersectionTraffic>()]);
    }

    private StoredPlan? ActivePlan() =>
        State.Plan is { } plan && !CollectionProgress.IsComplete(plan.Routes.Select(ToProgress)) ? plan : null;

    private async Task<TimeZoneInfo?> TimeZoneAsync()
    {
        var district = await GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(DistrictId);
        return district is null ? null : TimeZoneInfo.FindSystemTimeZoneById(district.TimeZone);
    }

    /// <summary>
    /// A timer to plan each window its lead time before it starts, and one to check a plan's remaining cost.
    /// The planner stays active for them: bins' and trucks' reports activate it after a restart.
    /// </summary>
    private void ScheduleTimers()
    {
        windowTimer?.Dispose();
        progressTimer?.Dispose();
        windowTimer = progressTimer = null;
        if (State.Settings is not { } settings)
            return;
        progressTimer = this.RegisterGrainTimer(
            async _ => await CheckProgress(),
            new GrainTimerCreationOptions(clock.RealDuration(settings.ProgressCheckInterval), clock.RealDuration(settings.ProgressCheckInterval)) { Interleave = true, KeepAlive = true });
        ScheduleWindowTimer();
    }

    private void ScheduleWindowTimer() =>
        windowTimer = this.RegisterGrainTimer(
            async _ => await PlanAheadAsync(),
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });

    /// <summary>Plans the next window once it is within the lead time and not yet planned, then waits for the next one.</summary>
    private async Task PlanAheadAsync()
    {
        if (State.Settings is not { } settings || await TimeZoneAsync() is not { } zone)
            return;
        var schedule = new CollectionSchedule([.. settings.Windows.Select(ToWeekly)], zone);
        var now = clock.Now;
        var next = schedule.NextStartingAt(now);
        var planAt = next.Start - settings.LeadTime;
        if (planAt <= now && State.Plan?.WindowStart != next.Start)
        {
            var result = await PlanNextWindow();
            if (result.Status == PlanStatus.Failed)
                logger.LogWarning("Planning collection window {Start} in district {DistrictId} failed: {Errors}",
                    next.Start, DistrictId, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
            planAt = schedule.After(next).Start - settings.LeadTime;
        }
        var due = clock.RealDuration(planAt - clock.Now);
        windowTimer?.Dispose();
        windowTimer = this.RegisterGrainTimer(
            async _ => await PlanAheadAsync(),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private static List<FieldError> Validate(CollectionSettings settings)
    {
        var errors = CollectionSchedule.Validate([.. (settings.Windows ?? []).Select(ToWeekly)])
            .Select(v => new FieldError(v.Field, v.Message))
            .ToList();
        if (settings.LeadTime < TimeSpan.Zero || settings.LeadTime > TimeSpan.FromDays(1))
            errors.Add(new("leadTime", $"{settings.LeadTime} is outside 0 to 1 day"));
        if (settings.SolverTimeLimit <= TimeSpan.Zero || settings.SolverTimeLimit > TimeSpan.FromMinutes(10))
            errors.Add(new("solverTimeLimit", $"{settings.SolverTimeLimit} is outside (0, 10 min]"));
        if (settings.ServiceTimePerBin < TimeSpan.Zero || settings.ServiceTimePerBin > TimeSpan.FromHours(1))
            errors.Add(new("serviceTimePerBin", $"{settings.ServiceTimePerBin} is outside 0 to 1 h"));
        if (!double.IsFinite(settings.ReplanCostThreshold) || settings.ReplanCostThreshold <= 0)
            errors.Add(new("replanCostThreshold", $"{settings.ReplanCostThreshold} is not a positive fraction"));
        if (settings.ProgressCheckInterval < TimeSpan.FromSeconds(1))
            errors.Add(new("progressCheckInterval", $"{settings.ProgressCheckInterval} is under 1 s"));
        return errors;
    }

    private void MarkChanged()
    {
        unsaved = true;
        flushTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                flushTimer?.Dispose();
                flushTimer = null;
                if (unsaved)
                    await WriteAsync();
            },
            new GrainTimerCreationOptions(WriteBehindInterval, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private async Task WriteThroughAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch
        {
            // Memory may now differ from storage: start again from storage on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>One write at a time: a reentrant grain would otherwise race its own ETag.</summary>
    private async Task WriteAsync()
    {
        await writing.WaitAsync();
        try
        {
            unsaved = false;
            await state.WriteStateAsync();
        }
        catch
        {
            unsaved = true;
            throw;
        }
        finally
        {
            writing.Release();
        }
    }
}
