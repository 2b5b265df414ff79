using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Common;
using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// A waste truck on a fixed schedule: every day from its shift start it drives the road network at the
/// congested speed, lifts each bin of its round (reporting an RFID collection event per lift), unloads at
/// the depot when nearly full, and parks when the round is done. Now and then it breaks down for hours.
/// </summary>
public sealed class TruckModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LiftTime = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan UnloadTime = TimeSpan.FromMinutes(15);
    private const double KerbSpeedKmh = 15;

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
            var today = DateOnly.FromDateTime(local.DateTime);
            if (round.Count == 0 || roundDoneOn == today || local.TimeOfDay < shiftStart)
            {
                speedKmh = 0;
                return;
            }
            Status = TruckServiceStatus.OnRoute;
            nextBin = 0;
            Tell($"truck left the depot: a round of {round.Count} bins");
        }
        var remaining = elapsed;
        while (remaining > TimeSpan.Zero && Status == TruckServiceStatus.OnRoute)
        {
            if (steps.Count == 0 && !PlanNext(local))
                break;
            remaining = Perform(steps.Peek(), remaining, local);
        }
    }

    /// <summary>Queues the way to the next bin, to the depot to unload, or home; false when parked.</summary>
    private bool PlanNext(DateTimeOffset local)
    {
        var here = World.Roads.Nearest(Asset.DistrictId, Latitude, Longitude);
        if (CargoKg > capacityKg * 0.85 || nextBin >= round.Count)
        {
            DriveTo(here, depotNode, depot.Latitude, depot.Longitude);
            if (nextBin >= round.Count)
                steps.Enqueue(new Step(StepKind.Park, null, null, TimeSpan.Zero));
            else
                steps.Enqueue(new Step(StepKind.Unload, null, null, UnloadTime));
            return true;
        }
        var bin = World.Assets[round[nextBin]];
        var binNode = World.Roads.Nearest(bin.DistrictId, bin.Latitude, bin.Longitude);
        DriveTo(here, binNode, bin.Latitude, bin.Longitude);
        steps.Enqueue(new Step(StepKind.Lift, null, bin.Id, LiftTime));
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
                var bin = World.Bins[step.BinId!];
                var collectionId = $"c-{Asset.Id}-{local.ToUnixTimeSeconds()}-{nextBin}";
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
                roundDoneOn = DateOnly.FromDateTime(local.DateTime);
                Tell($"truck finished its round: {BinsCollected} lifts so far, {CargoKg:0} kg unloaded");
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

    private sealed class Step(StepKind kind, (double Latitude, double Longitude)? target, string? binId, TimeSpan remaining, CitySegment? segment = null)
    {
        public StepKind Kind { get; } = kind;
        public (double Latitude, double Longitude)? Target { get; } = target;
        public string? BinId { get; } = binId;
        public TimeSpan Remaining { get; set; } = remaining;
        public CitySegment? Segment { get; } = segment;
    }
}
