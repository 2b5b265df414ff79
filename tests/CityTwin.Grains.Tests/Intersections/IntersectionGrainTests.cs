using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Intersections;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Intersections;

[Collection(ClusterCollection.Name)]
public sealed class IntersectionGrainTests(ClusterFixture fixture)
{
    private const string GridlockCondition = "intersection:congested=gridlock";
    private const string IncidentCondition = "intersection:incident";

    private IIntersectionGrain Intersection(string id) => fixture.Client.GetGrain<IIntersectionGrain>(id);

    private Task<DistrictCounts> CentrumAsync() => fixture.Client.GetGrain<IDistrictGrain>("centrum").GetCounts();

    private Task<(TwinState<IntersectionState> State, string? ETag)> StoredAsync(string id) =>
        fixture.ReadStoredAsync<TwinState<IntersectionState>>(StorageNames.IntersectionTwinState, Intersection(id).GetGrainId());

    private async Task<IIntersectionGrain> ProvisionedAsync(string id, IntersectionSpec? spec = null)
    {
        var intersection = Intersection(id);
        var result = await intersection.Provision(Crossroads.Provision(id, spec));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return intersection;
    }

    [Fact]
    public async Task Provisioning_is_stored_before_it_is_acknowledged_and_shapes_the_twin()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);

        var (stored, _) = await StoredAsync(id);
        Assert.Equal(AssetLifecycle.Active, stored.Record?.Lifecycle);
        Assert.Equal(["north", "east"], stored.Kind.Approaches.Select(a => a.Id));

        var twin = (await intersection.GetTwin())!;
        Assert.Equal("free", twin.Congested);
        Assert.Equal(["seg-north", "seg-east"], twin.Approaches.Select(a => a.FromSegmentId));
        Assert.All(twin.Approaches, a => Assert.Null(a.DateObserved));
        // No demand yet: the shortest cycle, its green shared equally by the two phases.
        Assert.Equal(40, twin.SignalPlan.CycleSeconds);
        Assert.Equal(["north", "east"], twin.SignalPlan.Phases.Select(p => Assert.Single(p.ApproachIds)));
        Assert.Equal([16, 16], twin.SignalPlan.Phases.Select(p => p.GreenSeconds));
        var outgoing = Assert.Single(twin.TravelTimes);
        Assert.Equal(("freeFlow", Crossroads.FreeFlowSecondsOut), (outgoing.Source, outgoing.EstimateSeconds));
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_naming_its_fields_and_stores_nothing()
    {
        var id = Crossroads.NewId();
        var spec = Crossroads.Spec("Not A Slug");
        spec = spec with { Approaches = [spec.Approaches[0], spec.Approaches[1] with { Lanes = 0 }] };

        var result = await Intersection(id).Provision(Crossroads.Provision(id, spec));

        Assert.False(result.Accepted);
        Assert.Equal(["approaches[1].lanes", "outgoingSegments[0].toIntersectionId"], result.Errors.Select(e => e.Field));
        var (stored, etag) = await StoredAsync(id);
        Assert.Null(stored.Record);
        Assert.Null(etag);
    }

    [Fact]
    public async Task Provisioning_again_with_the_same_data_writes_nothing()
    {
        var id = Crossroads.NewId();
        await ProvisionedAsync(id);
        var (_, before) = await StoredAsync(id);

        Assert.True((await Intersection(id).Provision(Crossroads.Provision(id))).Accepted);

        var (_, after) = await StoredAsync(id);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_changed_spec_reshapes_the_twin_and_keeps_what_remaining_approaches_learned()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", 600) with { TravelTimes = [new("seg-out", 50)] });

        var original = Crossroads.Spec();
        var changed = original with
        {
            Approaches = [original.Approaches[0], new ApproachSpec("south", "seg-south", 30, 2, null, 1)],
            MinCycleSeconds = 60,
        };
        Assert.True((await intersection.Provision(Crossroads.Provision(id, changed))).Accepted);

        var twin = (await intersection.GetTwin())!;
        Assert.Equal(["north", "south"], twin.Approaches.Select(a => a.Id));
        Assert.Equal(600, twin.Approaches[0].Intensity);
        Assert.Single(twin.Approaches[0].RecentFlow);
        Assert.Null(twin.Approaches[1].DateObserved);
        Assert.True(twin.SignalPlan.CycleSeconds >= 60);
        Assert.Equal(50, Assert.Single(twin.TravelTimeSamples).Seconds);
        var (stored, _) = await StoredAsync(id);
        Assert.Equal(60, Assert.IsType<IntersectionSpec>(stored.Record!.Provision.Spec).MinCycleSeconds);
        Assert.Equal(["north", "south"], stored.Kind.Approaches.Select(a => a.Id));
    }

    [Fact]
    public async Task A_valid_reading_is_applied_and_shown_in_the_twin()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        var reading = new IntersectionTelemetry(
            [new ApproachTelemetry("north", 600, 0.12, 44, 3), new ApproachTelemetry("east", 240, 0.25, 30, 9, Incident: true)],
            [new TravelTimeTelemetry("seg-out", 55)]);

        Assert.Equal(ReadingOutcome.Applied, (await intersection.Report(Crossroads.Stamp(1), reading)).Outcome);

        var twin = (await intersection.GetTwin())!;
        var north = twin.Approaches[0];
        Assert.Equal((600.0, 0.12, 44.0, 3, false, "free"),
            (north.Intensity, north.Occupancy, north.AverageVehicleSpeed, north.QueueLength, north.Incident, north.Congested));
        var east = twin.Approaches[1];
        // 25 % occupancy is past the moderate threshold (20 %); 30 of 50 km/h is below 67 % of free flow too.
        Assert.Equal((240.0, 9, true, "moderate"), (east.Intensity, east.QueueLength, east.Incident, east.Congested));
        Assert.Equal("moderate", twin.Congested);
        Assert.Equal(600, Assert.Single(north.RecentFlow).Intensity);
        Assert.NotNull(north.DateObserved);
        Assert.Equal(("seg-out", 55.0), (twin.TravelTimeSamples[0].SegmentId, twin.TravelTimeSamples[0].Seconds));
        Assert.True(twin.SignalPlan.Phases[0].GreenSeconds > twin.SignalPlan.Phases[1].GreenSeconds);
    }

    [Fact]
    public async Task An_out_of_range_reading_is_refused_naming_the_field_and_changes_nothing()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", 300));

        var result = await intersection.Report(Crossroads.Stamp(2),
            new IntersectionTelemetry([new ApproachTelemetry("north", 500, 1.4, 40, 2)]));

        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal("approaches[0].occupancy", error.Field);
        Assert.Contains("1.4", error.Message, StringComparison.Ordinal);
        var north = (await intersection.GetTwin())!.Approaches[0];
        Assert.Equal((300.0, 0.05), (north.Intensity, north.Occupancy));
        Assert.Single(north.RecentFlow);
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 0, Late: 0, Rejected: 1), (await intersection.GetStatus()).Readings);
    }

    [Fact]
    public async Task A_redelivered_reading_is_ignored()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        var stamp = Crossroads.Stamp(7);
        await intersection.Report(stamp, Crossroads.Free("north", 300));

        Assert.Equal(ReadingOutcome.Duplicate, (await intersection.Report(stamp, Crossroads.Free("north", 900))).Outcome);

        var north = (await intersection.GetTwin())!.Approaches[0];
        Assert.Equal(300, north.Intensity);
        Assert.Single(north.RecentFlow);
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 1, Late: 0, Rejected: 0), (await intersection.GetStatus()).Readings);
    }

    [Fact]
    public async Task A_late_reading_is_counted_and_does_not_move_the_twin()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(5), Crossroads.Free("north", 300));

        Assert.Equal(ReadingOutcome.Late, (await intersection.Report(Crossroads.Stamp(3), Crossroads.Gridlocked("north", 900))).Outcome);

        var twin = (await intersection.GetTwin())!;
        Assert.Equal((300.0, "free"), (twin.Approaches[0].Intensity, twin.Congested));
        Assert.Single(twin.Approaches[0].RecentFlow);
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 0, Late: 1, Rejected: 0), (await intersection.GetStatus()).Readings);
    }

    [Fact]
    public async Task An_unprovisioned_intersection_refuses_readings_answers_nothing_and_stores_nothing()
    {
        var id = Crossroads.NewId();
        var intersection = Intersection(id);

        var result = await intersection.Report(Crossroads.Stamp(1), Crossroads.Free());

        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        Assert.Equal("assetId", Assert.Single(result.Errors).Field);
        Assert.Null(await intersection.GetTwin());
        Assert.Null(await intersection.Forecast("north", TimeSpan.FromMinutes(30)));
        Assert.Empty(await intersection.GetTravelTimes());
        var (stored, etag) = await StoredAsync(id);
        Assert.Null(stored.Record);
        Assert.Null(etag);
    }

    [Fact]
    public async Task A_reading_is_written_behind()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);

        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("east", 420));

        await Eventually.HoldsAsync(async () =>
        {
            var (stored, _) = await StoredAsync(id);
            return stored.Counters?.Applied == 1 && stored.Kind.Approaches[1].Intensity == 420;
        }, within: TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_reactivated_twin_shows_what_it_showed_before()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(1), new IntersectionTelemetry(
            [new ApproachTelemetry("north", 1500, 0.1, 45, 5), new ApproachTelemetry("east", 600, 0.1, 45, 2)]));
        await intersection.Report(Crossroads.Stamp(2), new IntersectionTelemetry(
            [new ApproachTelemetry("north", 100, 0.1, 45, 0), new ApproachTelemetry("east", 600, 0.1, 45, 2)],
            [new TravelTimeTelemetry("seg-out", 40)]));
        var before = JsonSerializer.Serialize(await intersection.GetTwin());

        await fixture.DeactivateIdleGrainsAsync();

        // The plan was made for the recent mean demand (800 veh/h north), not for the last reading's 100:
        // reactivation must keep the adopted plan rather than plan afresh.
        Assert.Equal(before, JsonSerializer.Serialize(await intersection.GetTwin()));
    }

    [Fact]
    public async Task Forecast_answers_from_the_recent_trend_and_refuses_unknown_approaches_and_horizons()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", 600));
        var asked = DateTimeOffset.UtcNow;

        var forecast = await intersection.Forecast("north", TimeSpan.FromMinutes(30));

        // One reading and no learned profile yet: the trend is that reading's flow.
        Assert.NotNull(forecast);
        Assert.Equal(("north", 600.0, 0.0), (forecast.ApproachId, forecast.Intensity, forecast.ProfileWeight));
        Assert.InRange(forecast.At, asked.AddMinutes(30), DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Null(await intersection.Forecast("west", TimeSpan.FromMinutes(30)));
        Assert.Null(await intersection.Forecast("north", TimeSpan.Zero));
        Assert.Null(await intersection.Forecast("north", TimeSpan.FromHours(25)));
    }

    [Fact]
    public async Task Travel_times_come_from_samples_else_from_the_speed_measured_downstream_else_free_flow()
    {
        var downstreamId = Crossroads.NewId();
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id, Crossroads.Spec(downstreamId));
        var downstreamSpec = new IntersectionSpec(
            [new ApproachSpec("west", "seg-out", 50, 1, null, 0), new ApproachSpec("south", "seg-south", 50, 1, null, 1)], []);
        var downstream = await ProvisionedAsync(downstreamId, downstreamSpec);

        Assert.Equal("freeFlow", Assert.Single(await intersection.GetTravelTimes()).Source);

        await downstream.Report(Crossroads.Stamp(1), new IntersectionTelemetry([new ApproachTelemetry("west", 300, 0.3, 18, 12)]));
        var fromDownstream = Assert.Single(await intersection.GetTravelTimes());
        // 500 m at the 18 km/h measured where the segment arrives.
        Assert.Equal(("downstreamSpeed", 100.0), (fromDownstream.Source, fromDownstream.EstimateSeconds));
        Assert.Equal("freeFlow", Assert.Single((await intersection.GetTwin())!.TravelTimes).Source);

        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free() with
        {
            TravelTimes = [new("seg-out", 50), new("seg-out", 200), new("seg-out", 60)],
        });
        var fromSamples = Assert.Single(await intersection.GetTravelTimes());
        Assert.Equal(("samples", 60.0, 3), (fromSamples.Source, fromSamples.EstimateSeconds, fromSamples.SamplesUsed));
    }

    [Fact]
    public async Task Forecasts_and_travel_times_write_nothing()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", 600));
        await Eventually.HoldsAsync(async () => !(await intersection.GetStatus()).UnsavedChanges);
        var (_, before) = await StoredAsync(id);

        await intersection.Forecast("north", TimeSpan.FromHours(1));
        await intersection.GetTravelTimes();

        Assert.False((await intersection.GetStatus()).UnsavedChanges);
        var (_, after) = await StoredAsync(id);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Gridlock_is_raised_and_cleared_in_the_district_once_each_however_many_readings_repeat_it()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        var before = await CentrumAsync();
        var gridlocked = before.ActiveConditions.GetValueOrDefault(GridlockCondition);

        await intersection.Report(Crossroads.Stamp(1), Crossroads.Gridlocked());
        Assert.Equal("gridlock", (await intersection.GetTwin())!.Congested);
        await Eventually.HoldsAsync(async () =>
            (await CentrumAsync()).ActiveConditions.GetValueOrDefault(GridlockCondition) == gridlocked + 1);

        await intersection.Report(Crossroads.Stamp(2), Crossroads.Gridlocked());
        await intersection.Report(Crossroads.Stamp(3), Crossroads.Free());
        await Eventually.HoldsAsync(async () =>
            (await CentrumAsync()).ActiveConditions.GetValueOrDefault(GridlockCondition) == gridlocked);

        Assert.Equal(before.NotificationsReceived + 2, (await CentrumAsync()).NotificationsReceived);
    }

    [Fact]
    public async Task An_incident_is_one_condition_per_intersection_until_its_last_approach_clears()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        var before = await CentrumAsync();
        var incidents = before.ActiveConditions.GetValueOrDefault(IncidentCondition);

        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", incident: true));
        await Eventually.HoldsAsync(async () =>
            (await CentrumAsync()).ActiveConditions.GetValueOrDefault(IncidentCondition) == incidents + 1);
        await intersection.Report(Crossroads.Stamp(2), Crossroads.Free("east", incident: true));
        await intersection.Report(Crossroads.Stamp(3), Crossroads.Free("north", incident: false));
        Assert.Equal(incidents + 1, (await CentrumAsync()).ActiveConditions.GetValueOrDefault(IncidentCondition));

        await intersection.Report(Crossroads.Stamp(4), Crossroads.Free("east", incident: false));
        await Eventually.HoldsAsync(async () =>
            (await CentrumAsync()).ActiveConditions.GetValueOrDefault(IncidentCondition) == incidents);

        // Raised once, cleared once: the second approach's incident and the first one's end told nothing.
        // Counted: notifications with signals; a twin's picture bands (load, level, traffic) move on their own.
        Assert.Equal(before.SignalNotifications + 2, (await CentrumAsync()).SignalNotifications);
    }

    [Fact]
    public async Task A_moved_forecast_tells_the_district_without_raising_a_condition()
    {
        var id = Crossroads.NewId();
        var intersection = await ProvisionedAsync(id);
        var before = await CentrumAsync();
        var gridlocked = before.ActiveConditions.GetValueOrDefault(GridlockCondition);

        await intersection.Report(Crossroads.Stamp(1), Crossroads.Free("north", 900));
        await intersection.Report(Crossroads.Stamp(2), Crossroads.Free("north", 900));
        await intersection.Report(Crossroads.Stamp(3), Crossroads.Gridlocked("north", 900));
        await Eventually.HoldsAsync(async () =>
            (await CentrumAsync()).ActiveConditions.GetValueOrDefault(GridlockCondition) == gridlocked + 1);

        var after = await CentrumAsync();
        // The first reading moved the next-hour forecast from nothing to 900 veh/h; the repeat moved nothing.
        Assert.Equal(before.NotificationsReceived + 2, after.NotificationsReceived);
        Assert.DoesNotContain(after.ActiveConditions.Keys, key => key.Contains("forecast", StringComparison.Ordinal));
    }
}
