using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Trucks;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using static CityTwin.Grains.Tests.Trucks.TruckSamples;

namespace CityTwin.Grains.Tests.Trucks;

[Collection(ClusterCollection.Name)]
public sealed class TruckGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private ITruckGrain Truck(string id) => fixture.Client.GetGrain<ITruckGrain>(id);

    private IDistrictGrain Centrum => fixture.Client.GetGrain<IDistrictGrain>("centrum");

    private Task<(TwinState<TruckState> State, string? ETag)> StoredAsync(string id) =>
        fixture.ReadStoredAsync<TwinState<TruckState>>(StorageNames.TruckTwinState, Truck(id).GetGrainId());

    private async Task<ITruckGrain> ProvisionedAsync(string id)
    {
        Assert.True((await Truck(id).Provision(Provision(id))).Accepted);
        return Truck(id);
    }

    private static int Active(DistrictCounts counts, string condition) => counts.ActiveConditions.GetValueOrDefault(condition);

    [Fact]
    public async Task Provisioning_is_written_through_and_repeating_it_writes_nothing()
    {
        var id = NewId();
        Assert.True((await Truck(id).Provision(Provision(id))).Accepted);
        var (stored, etag) = await StoredAsync(id);
        Assert.Equal(Provision(id), stored.Record?.Provision);

        Assert.True((await Truck(id).Provision(Provision(id))).Accepted);

        Assert.Equal(etag, (await StoredAsync(id)).ETag);
        var twin = await Truck(id).GetTwin();
        Assert.Equal("parked", twin!.ServiceStatus);
        Assert.Null(twin.Location);
        Assert.Equal(CapacityKg, twin.CapacityKg);
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_naming_the_field_and_stores_nothing()
    {
        var id = NewId();

        var tooSmall = await Truck(id).Provision(Provision(id, new TruckSpec(50, Depot)));
        var depotWithoutFix = await Truck(id).Provision(Provision(id, new TruckSpec(CapacityKg, new GeoPoint(0, 0))));
        var noDepot = await Truck(id).Provision(Provision(id, new TruckSpec(CapacityKg, null!)));

        Assert.Equal(["capacity"], tooSmall.Errors.Select(e => e.Field));
        Assert.Contains("50", tooSmall.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["depot"], depotWithoutFix.Errors.Select(e => e.Field));
        Assert.Equal(["depot"], noDepot.Errors.Select(e => e.Field));
        var (stored, etag) = await StoredAsync(id);
        Assert.Null(stored.Record);
        Assert.Null(etag);
    }

    [Fact]
    public async Task A_valid_reading_is_applied_and_shown_in_the_twin()
    {
        var truck = await ProvisionedAsync(NewId());

        var result = await truck.Report(Stamp(1), new TruckTelemetry(Away, 32.5, 90, CargoWeight: 2500));

        Assert.Equal(ReadingOutcome.Applied, result.Outcome);
        var twin = (await truck.GetTwin())!;
        Assert.Equal(Away, twin.Location);
        Assert.Equal((32.5, 90.0), (twin.Speed!.Value, twin.Heading!.Value));
        Assert.Equal((2500.0, 0.25), (twin.CargoWeight, twin.LoadFraction));
        // Driving outside the depot without a route.
        Assert.Equal("onRoute", twin.ServiceStatus);
        Assert.NotNull(twin.LastReadingAt);
        var point = Assert.Single(twin.Track);
        Assert.Equal(Away.Latitude, point.Location.Latitude, 5);
        Assert.Equal(twin.LastReadingAt, point.At);
    }

    [Fact]
    public async Task An_out_of_range_reading_is_refused_naming_the_field_and_changes_nothing()
    {
        var truck = await ProvisionedAsync(NewId());
        await truck.Report(Stamp(1), Driving(speed: 30));

        var tooFast = await truck.Report(Stamp(2), Driving(speed: 500, lift: new("lift-1", "bin-a", 120)));
        var noPosition = await truck.Report(Stamp(3), new TruckTelemetry(null!, 30, 90));

        Assert.Equal(ReadingOutcome.Rejected, tooFast.Outcome);
        Assert.Equal("speed", Assert.Single(tooFast.Errors).Field);
        Assert.Contains("500", tooFast.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("location", Assert.Single(noPosition.Errors).Field);
        var twin = (await truck.GetTwin())!;
        Assert.Equal((30.0, 0.0), (twin.Speed!.Value, twin.CargoWeight));
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 0, Late: 0, Rejected: 2), (await truck.GetStatus()).Readings);
    }

    [Fact]
    public async Task A_duplicate_is_ignored_and_its_lift_not_counted_again()
    {
        var truck = await ProvisionedAsync(NewId());
        await truck.Report(Stamp(1), Driving(speed: 0, lift: new("lift-1", "bin-a", 120)));

        var again = await truck.Report(Stamp(1), Driving(speed: 50, lift: new("lift-1", "bin-a", 120)));

        Assert.Equal(ReadingOutcome.Duplicate, again.Outcome);
        var twin = (await truck.GetTwin())!;
        Assert.Equal((0.0, 120.0), (twin.Speed!.Value, twin.CargoWeight));
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 1, Late: 0, Rejected: 0), (await truck.GetStatus()).Readings);
    }

    [Fact]
    public async Task A_late_reading_is_counted_and_does_not_move_the_truck()
    {
        var truck = await ProvisionedAsync(NewId());
        await truck.Report(Stamp(5), Driving(speed: 30));

        var late = await truck.Report(Stamp(3), new TruckTelemetry(Depot, 0, 0));

        Assert.Equal(ReadingOutcome.Late, late.Outcome);
        var twin = (await truck.GetTwin())!;
        Assert.Equal(Away, twin.Location);
        Assert.Equal(30, twin.Speed);
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 0, Late: 1, Rejected: 0), (await truck.GetStatus()).Readings);
    }

    [Fact]
    public async Task A_lift_in_a_late_reading_still_empties_its_bin_once()
    {
        var truck = await ProvisionedAsync(NewId());
        await truck.AssignRoute(Route());
        await truck.Report(Stamp(5), Driving(speed: 30));

        var late = await truck.Report(Stamp(4), Driving(speed: 0, lift: new("lift-1", "bin-a", 150)));

        Assert.Equal(ReadingOutcome.Late, late.Outcome);
        var twin = (await truck.GetTwin())!;
        Assert.Equal((30.0, 150.0), (twin.Speed!.Value, twin.CargoWeight));
        Assert.Equal((1, "bin-b"), (twin.Route!.CompletedStops, twin.Route.NextStopBinId));

        await truck.Report(Stamp(6), Driving(lift: new("lift-1", "bin-a", 150)));
        Assert.Equal(150, (await truck.GetTwin())!.CargoWeight);
    }

    [Fact]
    public async Task A_reading_for_an_unprovisioned_truck_is_refused_and_creates_nothing()
    {
        var id = NewId();

        var result = await Truck(id).Report(Stamp(1), Driving());

        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        Assert.Equal("assetId", Assert.Single(result.Errors).Field);
        Assert.Null(await Truck(id).GetTwin());
        var (stored, etag) = await StoredAsync(id);
        Assert.Null(stored.Record);
        Assert.Null(etag);
    }

    [Fact]
    public async Task A_route_is_written_through_and_its_progress_follows_the_lifts()
    {
        var id = NewId();
        var truck = await ProvisionedAsync(id);

        Assert.True((await truck.AssignRoute(Route())).Accepted);
        var (stored, etag) = await StoredAsync(id);
        Assert.Equal(["bin-a", "bin-b"], stored.Kind.Route!.StopIds);
        Assert.Equal(ServiceStatus.OnRoute, stored.Kind.ServiceStatus);
        // The planner repeating its command writes nothing.
        Assert.True((await truck.AssignRoute(Route())).Accepted);
        Assert.Equal(etag, (await StoredAsync(id)).ETag);

        await truck.Report(Stamp(1), Driving(speed: 0, lift: new("lift-1", "bin-a", 120)));
        // A lift is progress a re-plan after a crash reads back: stored before the reading is acknowledged.
        var progress = (await StoredAsync(id)).State.Kind.Route!.Completed;
        Assert.Equal([true, false], progress);
        // The lift is repeated in the next report, as units do until they are acknowledged.
        await truck.Report(Stamp(2), Driving(speed: 0, lift: new("lift-1", "bin-a", 120)));
        Assert.True((await truck.AssignRoute(Route())).Accepted);

        var twin = (await truck.GetTwin())!;
        Assert.Equal(120, twin.CargoWeight);
        var route = twin.Route!;
        Assert.Equal("plan-7", route.PlanId);
        Assert.Equal([true, false], route.Stops.Select(s => s.Completed));
        Assert.Equal((1, 1, "bin-b"), (route.CompletedStops, route.NextStopIndex, route.NextStopBinId));
        Assert.InRange(route.DistanceToNextStopMetres!.Value, 120, 140);

        Assert.True((await truck.AssignRoute(Route("plan-8"))).Accepted);
        Assert.Equal(0, (await truck.GetTwin())!.Route!.CompletedStops);
    }

    [Fact]
    public async Task An_invalid_route_or_one_for_a_truck_out_of_service_is_refused_by_field()
    {
        var id = NewId();
        var truck = await ProvisionedAsync(id);

        var sameBinTwice = await truck.AssignRoute(new RouteAssignmentContract("plan-1", [new("bin-a", Away), new("bin-a", Away)]));
        await truck.SetOutOfService(true);
        var outOfService = await truck.AssignRoute(Route());
        var unprovisioned = await Truck(NewId()).AssignRoute(Route());

        Assert.Equal(["stops[1].binId"], sameBinTwice.Errors.Select(e => e.Field));
        Assert.Equal(["serviceStatus"], outOfService.Errors.Select(e => e.Field));
        Assert.Equal(["assetId"], unprovisioned.Errors.Select(e => e.Field));
        Assert.Null((await StoredAsync(id)).State.Kind.Route);
    }

    [Fact]
    public async Task Taking_a_truck_out_of_service_is_written_through_and_raised_in_its_district()
    {
        var id = NewId();
        var truck = await ProvisionedAsync(id);
        var before = await Centrum.GetCounts();

        Assert.True((await truck.SetOutOfService(true)).Accepted);
        var (stored, _) = await StoredAsync(id);
        Assert.Equal((true, ServiceStatus.OutOfService), (stored.Kind.OutOfService, stored.Kind.ServiceStatus));
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:outOfService") == Active(before, "truck:outOfService") + 1, Deadline);
        // Saying it again changes nothing and tells nobody.
        Assert.True((await truck.SetOutOfService(true)).Accepted);
        Assert.Equal("outOfService", (await truck.GetTwin())!.ServiceStatus);

        Assert.True((await truck.SetOutOfService(false)).Accepted);
        Assert.False((await StoredAsync(id)).State.Kind.OutOfService);
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:outOfService") == Active(before, "truck:outOfService"), Deadline);
        Assert.Equal(before.NotificationsReceived + 2, (await Centrum.GetCounts()).NotificationsReceived);
        Assert.Equal("parked", (await truck.GetTwin())!.ServiceStatus);
    }

    [Fact]
    public async Task A_high_load_is_told_when_crossed_and_when_cleared_and_not_for_every_reading()
    {
        var truck = await ProvisionedAsync(NewId());
        var before = await Centrum.GetCounts();

        await truck.Report(Stamp(1), Driving(cargo: 5000));
        await truck.Report(Stamp(2), Driving(cargo: 9200));
        await truck.Report(Stamp(3), Driving(cargo: 9500));
        // Between the clearing and the raising fraction: still high.
        await truck.Report(Stamp(4), Driving(cargo: 8700));
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:loadHigh") == Active(before, "truck:loadHigh") + 1, Deadline);
        Assert.True((await truck.GetTwin())!.LoadHigh);

        await truck.Report(Stamp(5), Driving(cargo: 8000));
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:loadHigh") == Active(before, "truck:loadHigh"), Deadline);
        // Counted: notifications with signals; a twin's picture bands (load, level, traffic) move on their own.
        Assert.Equal(before.SignalNotifications + 2, (await Centrum.GetCounts()).SignalNotifications);
    }

    [Fact]
    public async Task A_breakdown_reported_by_the_vehicle_is_raised_and_cleared_in_its_district()
    {
        var truck = await ProvisionedAsync(NewId());
        var before = await Centrum.GetCounts();

        await truck.Report(Stamp(1), Driving(speed: 0) with { ServiceStatus = TruckServiceStatus.Broken });
        await truck.Report(Stamp(2), Driving(speed: 0));
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:broken") == Active(before, "truck:broken") + 1, Deadline);
        Assert.Equal("broken", (await truck.GetTwin())!.ServiceStatus);

        await truck.Report(Stamp(3), Driving() with { ServiceStatus = TruckServiceStatus.OnRoute });
        await Eventually.HoldsAsync(async () => Active(await Centrum.GetCounts(), "truck:broken") == Active(before, "truck:broken"), Deadline);
        Assert.Equal(before.NotificationsReceived + 2, (await Centrum.GetCounts()).NotificationsReceived);
    }

    [Fact]
    public async Task A_completed_route_is_told_once_without_leaving_a_condition_behind()
    {
        var truck = await ProvisionedAsync(NewId());
        await truck.AssignRoute(Route());
        var before = await Centrum.GetCounts();

        await truck.Report(Stamp(1), Driving(speed: 0, lift: new("lift-1", "bin-a", 100)));
        await truck.Report(Stamp(2), Driving(speed: 0, lift: new("lift-2", "bin-b", 100)));
        await truck.Report(Stamp(3), Driving(speed: 20));

        await Eventually.HoldsAsync(async () => (await Centrum.GetCounts()).SignalNotifications > before.SignalNotifications, Deadline);
        var after = await Centrum.GetCounts();
        // Counted: notifications with signals; a twin's picture bands (load, level, traffic) move on their own.
        Assert.Equal(before.SignalNotifications + 1, after.SignalNotifications);
        Assert.DoesNotContain("truck:routeCompleted", after.ActiveConditions.Keys);
        var route = (await truck.GetTwin())!.Route!;
        Assert.NotNull(route.CompletedAt);
        Assert.Equal((2, (int?)null, (double?)null), (route.CompletedStops, route.NextStopIndex, route.DistanceToNextStopMetres));
    }

    [Fact]
    public async Task A_reading_reaches_storage_once_the_write_behind_interval_has_passed()
    {
        var id = NewId();
        var truck = await ProvisionedAsync(id);

        await truck.Report(Stamp(1), Driving(cargo: 1234));

        await Eventually.HoldsAsync(async () => (await StoredAsync(id)).State.Kind.CargoWeight == 1234, Deadline);
        var (stored, _) = await StoredAsync(id);
        Assert.Equal(Away.Latitude, stored.Kind.Latitude);
        Assert.Equal(1, stored.Counters?.Applied);
        Assert.Equal(1, stored.Sequence?.HighestSequence);
    }

    [Fact]
    public async Task A_route_is_released_only_by_its_own_plan_and_the_release_is_written_through()
    {
        var id = NewId();
        var truck = await ProvisionedAsync(id);
        Assert.True((await truck.AssignRoute(Route("plan-8"))).Accepted);

        Assert.True((await truck.ReleaseRoute("plan-7")).Accepted);
        Assert.Equal("plan-8", (await truck.GetTwin())!.Route!.PlanId);

        Assert.True((await truck.ReleaseRoute("plan-8")).Accepted);
        Assert.Null((await truck.GetTwin())!.Route);
        var (stored, _) = await StoredAsync(id);
        Assert.Null(stored.Kind.Route);
        Assert.Equal(ServiceStatus.Parked, stored.Kind.ServiceStatus);
    }
}
