using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Tests.Collection;

/// <summary>
/// A district of its own per test (so no other test's bins are candidates), with a block about a kilometre
/// square of two-way streets at 36 km/h: i0 south-west (the depot), i1 north-west, i2 south-east, i3
/// north-east; segment "s01" runs i0 to i1. Bins stand halfway along the sides.
/// </summary>
internal sealed class PlannerDistrict(ClusterFixture fixture)
{
    public const double MetresPerSecond = 10;
    public const double TruckCapacityKg = 600;
    public const double BinWeightKg = 250;

    public static readonly GeoPoint I0 = new(52.3700, 4.9000);
    public static readonly GeoPoint I1 = new(52.3790, 4.9000);
    public static readonly GeoPoint I2 = new(52.3700, 4.9147);
    public static readonly GeoPoint I3 = new(52.3790, 4.9147);

    public static readonly GeoPoint North = Middle(I1, I3);
    public static readonly GeoPoint East = Middle(I2, I3);
    public static readonly GeoPoint South = Middle(I0, I2);
    public static readonly GeoPoint West = Middle(I0, I1);

    private static readonly Dictionary<string, GeoPoint> Corners = new() { ["0"] = I0, ["1"] = I1, ["2"] = I2, ["3"] = I3 };

    private long sequence;

    /// <summary>Asked each time: a restarted silo comes with a new client.</summary>
    private IClusterClient Client => fixture.Client;

    public string Id { get; } = $"cp-{Guid.NewGuid():N}"[..16];

    public ICollectionPlannerGrain Planner => Client.GetGrain<ICollectionPlannerGrain>(Id);

    public ITruckGrain Truck(string id) => Client.GetGrain<ITruckGrain>(id);

    public static double Seconds(string from, string to) =>
        GeoDistance.HaversineMetres(Corners[from].Latitude, Corners[from].Longitude, Corners[to].Latitude, Corners[to].Longitude) / MetresPerSecond;

    /// <summary>Every day 06:00 local for four hours; planned only on request (no lead time), solved within <paramref name="solverLimit"/>.</summary>
    public static CollectionSettings Settings(TimeSpan solverLimit) => new(
        [.. Enum.GetValues<DayOfWeek>().Select(day => new CollectionWindowSetting(day, TimeSpan.FromHours(6), TimeSpan.FromHours(4)))],
        LeadTime: TimeSpan.Zero,
        SolverTimeLimit: solverLimit,
        ServiceTimePerBin: TimeSpan.FromSeconds(60),
        ReplanCostThreshold: 0.25,
        ProgressCheckInterval: TimeSpan.FromHours(1));

    public async Task CreateAsync(TimeSpan solverLimit)
    {
        await Client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(new District(Id, "Planner test", "Europe/Amsterdam", 52.375, 4.907));
        var segments = new[] { ("0", "1"), ("1", "0"), ("0", "2"), ("2", "0"), ("1", "3"), ("3", "1"), ("2", "3"), ("3", "2") }
            .Select(p => new RoadSegment($"s{p.Item1}{p.Item2}", $"{Id}-i{p.Item1}", $"{Id}-i{p.Item2}", Id,
                [Corners[p.Item1], Corners[p.Item2]], Seconds(p.Item1, p.Item2) * MetresPerSecond, MetresPerSecond * 3.6, 1))
            .ToList();
        AssertAccepted(await Client.GetGrain<IRoadNetworkGrain>(Id).UpsertSegments(segments));
        AssertAccepted(await Planner.Configure(Settings(solverLimit)));
    }

    public async Task<string> AddTruckAsync(string name)
    {
        var id = $"{Id}-{name}";
        AssertAccepted(await Truck(id).Provision(new AssetProvision(id, AssetKind.Truck, Id, I0, $"{id}-gps", new TruckSpec(TruckCapacityKg, I0))));
        return id;
    }

    /// <summary>A bin above its threshold, weighing <see cref="BinWeightKg"/>.</summary>
    public async Task<string> AddFullBinAsync(string name, GeoPoint location)
    {
        var id = $"{Id}-{name}";
        var bin = Client.GetGrain<IBinGrain>(id);
        AssertAccepted(await bin.Provision(new AssetProvision(id, AssetKind.Bin, Id, location, $"{id}-s", new BinSpec(1100, 0.8, 120, 300))));
        var result = await bin.Report(Stamp(), new BinTelemetry(FillingLevel: 0.95, CargoWeight: BinWeightKg, Temperature: 15));
        Assert.Equal(ReadingOutcome.Applied, result.Outcome);
        return id;
    }

    /// <summary>The intersection at a corner ("0" to "3"), measuring travel times on the given outgoing segments.</summary>
    public async Task<string> AddIntersectionAsync(string corner, params OutgoingSegmentSpec[] outgoing)
    {
        var id = $"{Id}-i{corner}";
        var spec = new IntersectionSpec(
            [new ApproachSpec("north", "approach-north", 36, 1, null, 0), new ApproachSpec("east", "approach-east", 36, 1, null, 1)], outgoing);
        AssertAccepted(await Client.GetGrain<IIntersectionGrain>(id).Provision(new AssetProvision(id, AssetKind.Intersection, Id, Corners[corner], $"{id}-c", spec)));
        return id;
    }

    public Task<ReadingResult> ReportAsync(string intersectionId, IntersectionTelemetry reading) =>
        Client.GetGrain<IIntersectionGrain>(intersectionId).Report(Stamp(), reading);

    public Task<ReadingResult> ReportAsync(string binId, BinTelemetry reading) => Client.GetGrain<IBinGrain>(binId).Report(Stamp(), reading);

    public Task<ReadingResult> ReportAsync(string truckId, TruckTelemetry reading) => Truck(truckId).Report(Stamp(), reading);

    /// <summary>Until the planner has heard of them all (their reports are one-way).</summary>
    public Task KnownAsync(int bins, int trucks) =>
        Eventually.HoldsAsync(async () => await Planner.GetPlanning() is { } p && p.KnownBins == bins && p.KnownTrucks == trucks);

    public async Task<CollectionPlanView> RevisionAsync(int revision)
    {
        CollectionPlanView? plan = null;
        await Eventually.HoldsAsync(async () => (plan = await Planner.GetPlan()) is { } p && p.Revision >= revision, TimeSpan.FromSeconds(20));
        return plan!;
    }

    private DeviceStamp Stamp() => new(DateTimeOffset.UtcNow, 1, Interlocked.Increment(ref sequence));

    private static GeoPoint Middle(GeoPoint a, GeoPoint b) => new((a.Latitude + b.Latitude) / 2, (a.Longitude + b.Longitude) / 2);

    private static void AssertAccepted(Contracts.Common.CommandResult result) =>
        Assert.True(result.Accepted, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
