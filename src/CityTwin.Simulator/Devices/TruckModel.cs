using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Common;
using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Commands;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// A waste truck. On its fixed schedule, every day from its shift start it drives the road network at the
/// congested speed, lifts each bin of its round (reporting an RFID collection event per lift), unloads at
/// the depot when nearly full, and parks when the round is done. Now and then it breaks down for hours.
/// Given a planned route (<c>assignRoute</c>) it leaves at once and drives that instead, stop by stop in the
/// plan's order, skipping stops the plan marks done or it already lifted; a planned day's work stands for
/// the day's round. After a plan it waits for the next one for <see cref="PlanHold"/>, then falls back to its
/// fixed schedule; <c>releaseRoute</c> sends it back to its schedule at once (resuming the round when it is due).
/// </summary>
public sealed class TruckModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LiftTime = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan UnloadTime = TimeSpan.FromMinutes(15);
    private const double KerbSpeedKmh = 15;

    /// <summary>How long a truck that drove a plan waits for the next before it takes up its fixed schedule again.</summary>
    public static readonly TimeSpan PlanHold = TimeSpan.FromDays(1);

    private readonly (double Latitude, double Longitude) depot;
    private readonly CityIntersection depotNode;
    private readonly double capacityKg;
    private readonly TimeSpan shiftStart;
    private readonly Queue<Step> steps = new();
    private readonly Queue<CollectionMessage> collections = new();
    private IReadOnlyList<string> round = [];
    private int nextBin;
    private DateOnly? roundDoneOn;
    private DateTimeOffset? brokenUntil;
    private PlannedRoute? plan;
    private DateTimeOffset? planHoldUntil;
    private long lifts;
    private double speedKmh;
    private double heading;

    /// <param name="index">The truck's place in its district's fleet of <paramref name="fleet"/>: shifts start in turn from 06:00 to 14:00.</param>
    public TruckModel(CityAsset asset, SimulationWorld world, TimeSpan interval, int index, int fleet)
        : base(asset, world, interval)
    {
        depot = asset.Parameters.Depot!.Value;
        depotNode = world.Roads.Nearest(asset.DistrictId, depot.Latitude, depot.Longitude);
        capacityKg = asset.Parameters.CapacityKg!.Value;
        shiftStart = TimeSpan.FromHours(6) + TimeSpan.FromHours(8) * index / Math.Max(1, fleet);
        (Latitude, Longitude) = depot;
    }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public double CargoKg { get; private set; }

    public TruckServiceStatus Status { get; private set; } = TruckServiceStatus.Parked;

    public int BinsCollected { get; private set; }

    /// <summary>The bins this truck empties every day, in driving order.</summary>
    public void AssignRound(IReadOnlyList<string> binIds) => round = binIds;

    public IReadOnlyList<string> Round => round;

    /// <summary>The plan being driven (or last driven and still remembered); null on the fixed schedule.</summary>
    public string? PlanId => plan?.PlanId;

    /// <summary>Whether the truck drives a plan now rather than its fixed round.</summary>
    public bool OnPlan => plan is { Finished: false };

    /// <summary>The bins lifted for the current plan, in order.</summary>
    public IReadOnlyList<string> PlannedLifts => plan?.Lifted ?? [];

    protected override CommandOutcome Apply(DeviceCommand command, DateTimeOffset now) => command switch
    {
        AssignRouteCommand assign => Assign(assign, now),
        ReleaseRouteCommand release => Release(release),
        _ => CommandOutcome.Ignored("a truck takes only assignRoute and releaseRoute"),
    };

    private CommandOutcome Assign(AssignRouteCommand command, DateTimeOffset now)
    {
        if (plan is { } current && command.IssuedAt < current.IssuedAt)
            return CommandOutcome.Ignored($"plan '{command.PlanId}' issued at {command.IssuedAt:O}, before the plan in force");
        // The same plan again (a resend when the truck came back online, an update of the same plan) keeps what was lifted.
        var lifted = plan is { } same && same.PlanId == command.PlanId ? same.Lifted : [];
        var wasOnRound = !OnPlan;
        plan = new PlannedRoute(command.PlanId, command.IssuedAt, command.Stops, lifted);
        planHoldUntil = now + PlanHold;
        var open = plan.OpenStops().Count();
        if (open == 0)
        {
            plan.Finished = true;
            return CommandOutcome.Done($"plan '{command.PlanId}' has nothing left to collect");
        }
        DropPlannedSteps(wasOnRound);
        if (Status == TruckServiceStatus.Parked)
            Status = TruckServiceStatus.OnRoute;
        return CommandOutcome.Done($"plan '{command.PlanId}': {open} of {command.Stops.Count} stops to collect");
    }

    private CommandOutcome Release(ReleaseRouteCommand command)
    {
        if (plan is not { } current || current.PlanId != command.PlanId)
            return CommandOutcome.Ignored($"plan '{command.PlanId}' is not this truck's");
        plan = null;
        planHoldUntil = null;
        DropPlannedSteps(wasOnRound: false);
        return CommandOutcome.Done($"plan '{command.PlanId}' released: back on the fixed schedule");
    }

    /// <summary>Forgets the way planned so far, but finishes a lift or unload under way (the crew does not walk off).</summary>
    private void DropPlannedSteps(bool wasOnRound)
    {
        var underWay = steps.TryPeek(out var head) && head.Kind is StepKind.Lift or StepKind.Unload ? head : null;
        // The round's bin the truck was heading for is still to do when the round resumes.
        if (wasOnRound && steps.Any(s => s.Kind == StepKind.Lift && s != underWay))
            nextBin--;
        steps.Clear();
        if (underWay is not null)
            steps.Enqueue(underWay);
    }

    protected override ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        Advance(now, local, elapsed);
        return new TruckMessage
        {
            Location = new LocationMessage { Latitude = Math.Round(Latitude, 6), Longitude = Math.Round(Longitude, 6) },
            Speed = Math.Round(speedKmh, 1),
            Heading = Math.Round(heading, 1),
            CargoWeight = Math.Round(CargoKg, 1),
            ServiceStatus = Status,
            Collection = collections.TryDequeue(out var collection) ? collection : null,
        };
    }

    private void Advance(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        if (brokenUntil is { } until)
        {
            if (now < until)
                return;
            brokenUntil = null;
            Status = TruckServiceStatus.OnRoute;
            Tell("truck repaired: back on its round");
        }
        if (Status == TruckServiceStatus.OnRoute && Chance(0.01, elapsed))
        {
            brokenUntil = now + TimeSpan.FromHours(1 + Random.NextDouble() * 2);
            Status = TruckServiceStatus.Broken;
            speedKmh = 0;
            Tell("truck broke down");
            return;
        }
        if (Status == TruckServiceStatus.Parked)
        {
            if (OnPlan)
            {
                Status = TruckServiceStatus.OnRoute;
                Tell($"truck left the depot on plan '{plan!.PlanId}': {plan.OpenStops().Count()} stops");
            }
            else if (Holding(now) || !RoundDue(local))
            {
                speedKmh = 0;
                return;
            }
            else
            {
                planHoldUntil = null;
                plan = null;
                Status = TruckServiceStatus.OnRoute;
                nextBin = 0;
                Tell($"truck left the depot: a round of {round.Count} bins");
            }
        }
        var remaining = elapsed;
        while (remaining > TimeSpan.Zero && Status == TruckServiceStatus.OnRoute)
        {
            if (steps.Count == 0 && !PlanNext(local))
                break;
            remaining = Perform(steps.Peek(), remaining, local);
        }
    }

    private bool Holding(DateTimeOffset now) => planHoldUntil is { } hold && now < hold;

    private bool RoundDue(DateTimeOffset local) =>
        round.Count > 0 && roundDoneOn != DateOnly.FromDateTime(local.DateTime) && local.TimeOfDay >= shiftStart;

    /// <summary>Queues the way to the next stop (of the plan, else of the round), to the depot to unload, or home.</summary>
    private bool PlanNext(DateTimeOffset local)
    {
        var here = World.Roads.Nearest(Asset.DistrictId, Latitude, Longitude);
        (string BinId, double Latitude, double Longitude)? next = null;
        if (OnPlan)
        {
            if (plan!.OpenStops().FirstOrDefault() is { } stop)
                next = (stop.BinId, stop.Latitude, stop.Longitude);
            else
            {
                plan.Finished = true;
                roundDoneOn = DateOnly.FromDateTime(local.DateTime);
                Tell($"truck finished plan '{plan.PlanId}': {plan.Lifted.Count} bins lifted");
            }
        }
        else if (nextBin < round.Count && RoundDue(local) && !Holding(local))
        {
            var bin = World.Assets[round[nextBin]];
            next = (bin.Id, bin.Latitude, bin.Longitude);
        }
        else if (nextBin >= round.Count)
            roundDoneOn = DateOnly.FromDateTime(local.DateTime);

        if (next is null || CargoKg > capacityKg * 0.85)
        {
            DriveTo(here, depotNode, depot.Latitude, depot.Longitude);
            steps.Enqueue(next is null
                ? new Step(StepKind.Park, null, null, TimeSpan.Zero)
                : new Step(StepKind.Unload, null, null, UnloadTime));
            return true;
        }
        var (binId, latitude, longitude) = next.Value;
        var binNode = World.Roads.Nearest(Asset.DistrictId, latitude, longitude);
        DriveTo(here, binNode, latitude, longitude);
        steps.Enqueue(new Step(StepKind.Lift, null, binId, LiftTime));
        if (!OnPlan)
            nextBin++;
        return true;
    }

    private void DriveTo(CityIntersection from, CityIntersection to, double latitude, double longitude)
    {
        steps.Enqueue(Leg(from.Latitude, from.Longitude, null));
        foreach (var segment in World.Roads.Path(from.Id, to.Id))
            steps.Enqueue(Leg(segment.Points[^1].Latitude, segment.Points[^1].Longitude, segment));
        steps.Enqueue(Leg(latitude, longitude, null));
    }

    private static Step Leg(double latitude, double longitude, CitySegment? segment) =>
        new(StepKind.Drive, (latitude, longitude), null, TimeSpan.Zero, segment);

    /// <returns>Time left over once the step is done (zero while it goes on).</returns>
    private TimeSpan Perform(Step step, TimeSpan available, DateTimeOffset local)
    {
        switch (step.Kind)
        {
            case StepKind.Drive:
                var (latitude, longitude) = step.Target!.Value;
                var metres = GeoDistance.HaversineMetres(Latitude, Longitude, latitude, longitude);
                speedKmh = step.Segment is { } segment ? IntersectionModel.CongestedSpeedKmh(segment, local) : KerbSpeedKmh;
                if (metres > 1)
                    heading = Bearing(Latitude, Longitude, latitude, longitude);
                var reach = speedKmh / 3.6 * available.TotalSeconds;
                if (reach < metres)
                {
                    var f = reach / metres;
                    (Latitude, Longitude) = (Latitude + (latitude - Latitude) * f, Longitude + (longitude - Longitude) * f);
                    return TimeSpan.Zero;
                }
                (Latitude, Longitude) = (latitude, longitude);
                steps.Dequeue();
                return available - TimeSpan.FromSeconds(metres / (speedKmh / 3.6));
            default:
                speedKmh = 0;
                var left = step.Remaining - available;
                if (left > TimeSpan.Zero)
                {
                    step.Remaining = left;
                    return TimeSpan.Zero;
                }
                steps.Dequeue();
                Finish(step, local);
                return -left;
        }
    }

    private void Finish(Step step, DateTimeOffset local)
    {
        switch (step.Kind)
        {
            case StepKind.Lift:
                if (OnPlan)
                    plan!.Lifted.Add(step.BinId!);
                if (!World.Bins.TryGetValue(step.BinId!, out var bin))
                {
                    Tell($"truck found no bin: '{step.BinId}' is not at the planned stop");
                    break;
                }
                var collectionId = $"c-{Asset.Id}-{local.ToUnixTimeSeconds()}-{++lifts}";
                var weight = bin.Collect(collectionId);
                CargoKg += weight;
                BinsCollected++;
                collections.Enqueue(new CollectionMessage { CollectionId = collectionId, BinId = bin.Asset.Id, Weight = weight });
                break;
            case StepKind.Unload:
                Tell($"truck unloaded: {CargoKg:0} kg at the depot");
                CargoKg = 0;
                break;
            case StepKind.Park:
                Status = TruckServiceStatus.Parked;
                Tell($"truck parked at the depot: {BinsCollected} lifts so far, {CargoKg:0} kg unloaded");
                CargoKg = 0;
                break;
        }
    }

    private static double Bearing(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = lat1 * Math.PI / 180;
        var phi2 = lat2 * Math.PI / 180;
        var dLambda = (lon2 - lon1) * Math.PI / 180;
        var y = Math.Sin(dLambda) * Math.Cos(phi2);
        var x = Math.Cos(phi1) * Math.Sin(phi2) - Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLambda);
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }

    private enum StepKind { Drive, Lift, Unload, Park }

    private sealed class PlannedRoute(string planId, DateTimeOffset issuedAt, IReadOnlyList<PlannedStop> stops, List<string> lifted)
    {
        public string PlanId { get; } = planId;
        public DateTimeOffset IssuedAt { get; } = issuedAt;
        public List<string> Lifted { get; } = lifted;
        public bool Finished { get; set; }

        public IEnumerable<PlannedStop> OpenStops() => stops.Where(s => !s.Done && !Lifted.Contains(s.BinId));
    }

    private sealed class Step(StepKind kind, (double Latitude, double Longitude)? target, string? binId, TimeSpan remaining, CitySegment? segment = null)
    {
        public StepKind Kind { get; } = kind;
        public (double Latitude, double Longitude)? Target { get; } = target;
        public string? BinId { get; } = binId;
        public TimeSpan Remaining { get; set; } = remaining;
        public CitySegment? Segment { get; } = segment;
    }
}
