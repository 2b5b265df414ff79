using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Trucks;
using CityTwin.Contracts.Bins;
using static CityTwin.Grains.Tests.Collection.PlannerDistrict;

namespace CityTwin.Grains.Tests.Collection;

[Collection(ClusterCollection.Name)]
public sealed class CollectionPlannerGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan QuickSolve = TimeSpan.FromSeconds(1);

    private async Task<(PlannerDistrict District, string[] Trucks, string[] Bins)> FourBinsThreeTrucksAsync()
    {
        var district = new PlannerDistrict(fixture);
        await district.CreateAsync(QuickSolve);
        string[] trucks = [await district.AddTruckAsync("t1"), await district.AddTruckAsync("t2"), await district.AddTruckAsync("t3")];
        string[] bins =
        [
            await district.AddFullBinAsync("north", North), await district.AddFullBinAsync("east", East),
            await district.AddFullBinAsync("south", South), await district.AddFullBinAsync("west", West),
        ];
        await district.KnownAsync(bins.Length, trucks.Length);
        return (district, trucks, bins);
    }

    private static CollectionPlanView AssertPlanned(CollectionPlanResult result)
    {
        Assert.True(result.Status == PlanStatus.Planned, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Plan!;
    }

    [Fact]
    public async Task A_plan_covers_the_full_bins_within_capacity_and_each_truck_is_sent_its_route()
    {
        var (district, _, bins) = await FourBinsThreeTrucksAsync();

        var plan = AssertPlanned(await district.Planner.PlanNextWindow());

        Assert.Equal(bins.Order(), plan.Routes.SelectMany(r => r.BinIds).Order());
        // 600 kg trucks and 250 kg bins: no truck can take more than two.
        Assert.All(plan.Routes, r => Assert.InRange(r.LoadKg, 1, (long)TruckCapacityKg));
        Assert.True(plan.Routes.Count >= 2);
        foreach (var route in plan.Routes)
        {
            var twin = await district.Truck(route.TruckId).GetTwin();
            Assert.Equal(plan.PlanId, twin!.Route!.PlanId);
            Assert.Equal(route.BinIds, twin.Route.Stops.Select(s => s.BinId));
        }
    }

    [Fact]
    public async Task A_breakdown_reassigns_the_broken_trucks_remaining_bins_to_the_others()
    {
        var (district, _, bins) = await FourBinsThreeTrucksAsync();
        var first = AssertPlanned(await district.Planner.PlanNextWindow());
        var broken = first.Routes.First(r => r.BinIds.Count > 0);

        await district.ReportAsync(broken.TruckId, new TruckTelemetry(I0, 0, 0, ServiceStatus: TruckServiceStatus.Broken));

        var replanned = await district.RevisionAsync(1);
        Assert.Equal("truckUnavailable", replanned.Reason);
        Assert.NotEqual(first.PlanId, replanned.PlanId);
        Assert.DoesNotContain(replanned.Routes, r => r.TruckId == broken.TruckId);
        Assert.Equal(bins.Order(), replanned.Routes.SelectMany(r => r.BinIds).Order());
        Assert.Subset(replanned.Routes.SelectMany(r => r.BinIds).ToHashSet(), broken.BinIds.ToHashSet());
        foreach (var route in replanned.Routes)
            Assert.Equal(replanned.PlanId, (await district.Truck(route.TruckId).GetTwin())!.Route!.PlanId);
    }

    [Fact]
    public async Task A_decommissioned_truck_is_forgotten_and_its_bins_go_to_the_others()
    {
        var (district, trucks, bins) = await FourBinsThreeTrucksAsync();
        var first = AssertPlanned(await district.Planner.PlanNextWindow());
        var leaving = first.Routes.First(r => r.BinIds.Count > 0).TruckId;

        Assert.True((await district.Truck(leaving).Decommission()).Accepted);

        var replanned = await district.RevisionAsync(1);
        Assert.DoesNotContain(replanned.Routes, r => r.TruckId == leaving);
        Assert.Equal(bins.Order(), replanned.Routes.SelectMany(r => r.BinIds).Order());
        await district.KnownAsync(bins.Length, trucks.Length - 1);
    }

    [Fact]
    public async Task A_collected_bin_is_not_planned_again_and_a_bin_on_fire_is_taken_off_the_routes()
    {
        var (district, _, bins) = await FourBinsThreeTrucksAsync();
        var plan = AssertPlanned(await district.Planner.PlanNextWindow());
        var route = plan.Routes.First(r => r.BinIds.Count == 2);
        var (collected, burning) = (route.BinIds[0], bins.First(b => b != route.BinIds[0]));

        await district.ReportAsync(route.TruckId, new TruckTelemetry(North, 10, 0, Collection: new TruckCollection($"lift-{collected}", collected, 250)));
        await Eventually.HoldsAsync(async () => (await district.Planner.GetPlan())!.Routes.Any(r => r.Collected.Contains(collected)));
        await district.ReportAsync(burning, new BinTelemetry(Temperature: 85));

        var replanned = await district.RevisionAsync(1);
        Assert.Equal("binOnFire", replanned.Reason);
        var planned = replanned.Routes.SelectMany(r => r.BinIds).ToList();
        Assert.DoesNotContain(burning, planned);
        Assert.DoesNotContain(collected, planned);
        Assert.Equal(bins.Except([burning, collected]).Order(), planned.Order());
    }

    [Fact]
    public async Task A_closed_segment_is_driven_around_and_closing_it_re_plans_the_round_under_way()
    {
        var district = new PlannerDistrict(fixture);
        await district.CreateAsync(QuickSolve);
        await district.AddTruckAsync("t1");
        var bin = await district.AddFullBinAsync("north", North);
        await district.KnownAsync(1, 1);
        var open = AssertPlanned(await district.Planner.PlanNextWindow());

        var unknown = await district.Planner.CloseSegment("s99", "works");
        var closed = await district.Planner.CloseSegment("s01", "water main works");

        Assert.False(unknown.Accepted);
        Assert.Contains("s99", unknown.Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(closed.Accepted);
        var detour = await district.RevisionAsync(1);
        Assert.Equal("roadsChanged", detour.Reason);
        Assert.Equal([bin], detour.Routes.Single().BinIds);
        // Open: up the west side (s01), along half the north side to the bin, on to i3 and home round the block.
        var viaWest = Seconds("0", "1") + Seconds("1", "3") + Seconds("3", "2") + Seconds("2", "0");
        // s01 closed: round by the south and east sides to i1, back along the north side to the bin, then home.
        var aroundIt = Seconds("0", "2") + Seconds("2", "3") + Seconds("3", "1") + Seconds("1", "3") + Seconds("3", "2") + Seconds("2", "0");
        Assert.InRange(open.Routes.Single().TravelSeconds, viaWest - 3, viaWest + 3);
        Assert.InRange(detour.Routes.Single().TravelSeconds, aroundIt - 3, aroundIt + 3);
        Assert.Equal(["s01"], (await district.Planner.GetClosedSegments()).Select(c => c.SegmentId));

        Assert.True((await district.Planner.ReopenSegment("s01")).Accepted);
        var reopened = await district.RevisionAsync(2);
        Assert.InRange(reopened.Routes.Single().TravelSeconds, viaWest - 3, viaWest + 3);
    }

    [Fact]
    public async Task The_plan_closures_and_settings_are_stored_and_survive_a_restart()
    {
        var (district, _, _) = await FourBinsThreeTrucksAsync();
        var plan = AssertPlanned(await district.Planner.PlanNextWindow());
        Assert.True((await district.Planner.CloseSegment("s23", null)).Accepted);
        plan = await district.RevisionAsync(1);

        await fixture.RestartSiloAsync();

        var restored = await district.Planner.GetPlan();
        Assert.NotNull(restored);
        Assert.Equal(plan.PlanId, restored.PlanId);
        Assert.Equal(plan.Routes.Select(r => (r.TruckId, string.Join(",", r.BinIds), r.TravelSeconds)),
            restored.Routes.Select(r => (r.TruckId, string.Join(",", r.BinIds), r.TravelSeconds)));
        Assert.Equal(["s23"], (await district.Planner.GetClosedSegments()).Select(c => c.SegmentId));
        Assert.Equal(Settings(QuickSolve).Windows, (await district.Planner.GetSettings())!.Windows);
    }

    [Fact]
    public async Task A_plan_request_while_one_is_solving_cancels_it()
    {
        var (district, _, _) = await FourBinsThreeTrucksAsync();
        // Guided local search uses all the time it is given: the first request would solve for a minute.
        Assert.True((await district.Planner.Configure(Settings(TimeSpan.FromMinutes(1)))).Accepted);
        var older = district.Planner.PlanNextWindow();
        await Eventually.HoldsAsync(async () => (await district.Planner.GetPlanning()).Solving);
        Assert.True((await district.Planner.Configure(Settings(QuickSolve))).Accepted);

        var newer = await district.Planner.PlanNextWindow();

        var cancelled = await older.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PlanStatus.Superseded, cancelled.Status);
        var plan = AssertPlanned(newer);
        Assert.Equal(plan.PlanId, (await district.Planner.GetPlan())!.PlanId);
        var planning = await district.Planner.GetPlanning();
        Assert.False(planning.Solving);
        Assert.Equal(1, planning.PlansSuperseded);
    }
}
