using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Trucks;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains.Collection;
using CityTwin.Grains.Coordination;
using Microsoft.Extensions.DependencyInjection;
using CityTwin.Grains.Persistence;
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
    public async Task After_a_crash_the_planner_catches_up_with_the_lifts_its_trucks_wrote_through()
    {
        var (district, _, _) = await FourBinsThreeTrucksAsync();
        var plan = AssertPlanned(await district.Planner.PlanNextWindow());
        var route = plan.Routes.First();
        var collected = route.BinIds[0];
        await district.ReportAsync(route.TruckId, new TruckTelemetry(North, 10, 0, Collection: new TruckCollection($"lift-{collected}", collected, 250)));
        await Eventually.HoldsAsync(async () => (await district.Planner.GetPlan())!.Routes.Any(r => r.Collected.Contains(collected)));

        // The planner writes its progress behind (30 s at the least): the crash loses the lift it had heard.
        await fixture.CrashSiloAsync();
        var stored = (await fixture.ReadStoredAsync<CollectionPlannerState>(StorageNames.CollectionPlannerState, district.Planner.GetGrainId())).State.Plan;
        Assert.Equal(plan.PlanId, stored!.PlanId);
        Assert.DoesNotContain(stored.Routes, r => r.Collected.Contains(collected));

        // Waking, it reads the truck's own route, whose lift was written through, and plans nothing collected again.
        await Eventually.HoldsAsync(
            async () => (await district.Planner.GetPlan())!.Routes.Single(r => r.TruckId == route.TruckId).Collected.Contains(collected),
            TimeSpan.FromSeconds(20), "the planner caught up with the truck's lift");
        Assert.Equal(plan.PlanId, (await district.Planner.GetPlan())!.PlanId);
    }

    [Fact]
    public async Task After_a_restart_the_planner_wakes_by_itself_and_plans_the_window_falling_due()
    {
        var district = new PlannerDistrict(fixture);
        await district.CreateAsync(QuickSolve);
        await district.AddTruckAsync("t1");
        var bin = await district.AddFullBinAsync("north", North);
        await district.KnownAsync(1, 1);
        // One window a few minutes ahead, to be planned 20 s from now: after the restart below.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now.AddMinutes(5), zone);
        var start = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        var settings = Settings(QuickSolve) with
        {
            Windows = [new CollectionWindowSetting(start.DayOfWeek, start.TimeOfDay, TimeSpan.FromHours(1))],
            LeadTime = TimeSpan.FromSeconds(Math.Round((start - now).TotalSeconds - 20)),
        };
        Assert.True((await district.Planner.Configure(settings)).Accepted);
        Assert.Null(await district.Planner.GetPlan());
        // Whatever else wakes it after a restart (its district asking the twins to enrol, the twins telling it),
        // a durable reminder does.
        var reminders = fixture.SiloServices.GetRequiredService<IReminderTable>();
        Assert.NotNull(await reminders.ReadRow(district.Planner.GetGrainId(), WakeUpReminder.Name));

        await fixture.RestartSiloAsync();

        // Nobody calls the planner, a bin or the truck: only the stored row can show the plan.
        StoredPlan? stored = null;
        await Eventually.HoldsAsync(
            async () => (stored = (await fixture.ReadStoredAsync<CollectionPlannerState>(StorageNames.CollectionPlannerState, district.Planner.GetGrainId())).State.Plan) is not null,
            TimeSpan.FromSeconds(60));
        Assert.Equal(start.UtcDateTime, stored!.WindowStart.UtcDateTime);
        Assert.Equal([bin], stored.Routes.Single().BinIds);
    }

    [Fact]
    public async Task Slower_traffic_on_the_remaining_legs_past_the_threshold_re_plans()
    {
        var district = new PlannerDistrict(fixture);
        await district.CreateAsync(QuickSolve);
        await district.AddTruckAsync("t1");
        await district.AddFullBinAsync("north", North);
        await district.KnownAsync(1, 1);
        var first = AssertPlanned(await district.Planner.PlanNextWindow());
        Assert.Null(await district.Planner.CheckProgress());

        // The west side (s01), the planned way up, now takes ten times as long.
        var slow = 10 * Seconds("0", "1");
        var junction = await district.AddIntersectionAsync("0", new OutgoingSegmentSpec("s01", $"{district.Id}-i1", Seconds("0", "1") * MetresPerSecond, MetresPerSecond * 3.6));
        Assert.Equal(ReadingOutcome.Applied, (await district.ReportAsync(junction, new IntersectionTelemetry(
            [new ApproachTelemetry("north", 100, 0.05, 36, 0)], [new("s01", slow), new("s01", slow), new("s01", slow)]))).Outcome);

        var replanned = await district.Planner.CheckProgress();

        Assert.NotNull(replanned);
        var plan = AssertPlanned(replanned);
        Assert.Equal(("costMoved", first.Revision + 1), (plan.Reason, plan.Revision));
        Assert.True(plan.Routes.Single().TravelSeconds < first.Routes.Single().TravelSeconds - Seconds("0", "1") + slow,
            "the new round drives around the slow side");
    }

    [Fact]
    public async Task Closing_and_reopening_is_idempotent_stored_and_refused_for_a_blank_or_unknown_segment()
    {
        var district = new PlannerDistrict(fixture);
        await district.CreateAsync(QuickSolve);

        Assert.True((await district.Planner.CloseSegment("s23", "market")).Accepted);
        Assert.True((await district.Planner.CloseSegment("s23", "market again")).Accepted);
        var blank = await district.Planner.CloseSegment(" ", null);
        var unknown = await district.Planner.CloseSegment("nope", null);

        Assert.Equal("segmentId", Assert.Single(blank.Errors).Field);
        Assert.Contains("nope", Assert.Single(unknown.Errors).Message, StringComparison.Ordinal);
        var stored = (await fixture.ReadStoredAsync<CollectionPlannerState>(StorageNames.CollectionPlannerState, district.Planner.GetGrainId())).State;
        Assert.Equal(("s23", "market"), (stored.ClosedSegments.Single().Key, stored.ClosedSegments.Single().Value.Reason));

        Assert.True((await district.Planner.ReopenSegment("s23")).Accepted);
        Assert.True((await district.Planner.ReopenSegment("s23")).Accepted);
        stored = (await fixture.ReadStoredAsync<CollectionPlannerState>(StorageNames.CollectionPlannerState, district.Planner.GetGrainId())).State;
        Assert.Empty(stored.ClosedSegments);
        Assert.Empty(await district.Planner.GetClosedSegments());
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
