using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Twins;

/// <summary>What every twin shares, shown on streetlights: lifecycle, reading order, refusals.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TwinLifecycleTests(ClusterFixture fixture)
{
    private IStreetlightGrain Light(string id) => fixture.Client.GetGrain<IStreetlightGrain>(id);

    private Task<(TwinState<StreetlightState> State, string? ETag)> StoredAsync(string id) =>
        fixture.ReadStoredAsync<TwinState<StreetlightState>>(StorageNames.StreetlightTwinState, Light(id).GetGrainId());

    [Fact]
    public async Task Provisioning_is_in_storage_before_it_is_acknowledged()
    {
        var id = Streetlights.NewId();
        Assert.True((await Light(id).Provision(Streetlights.Provision(id))).Accepted);
        var (stored, _) = await StoredAsync(id);
        Assert.Equal(AssetLifecycle.Active, stored.Record?.Lifecycle);
        Assert.Equal(Streetlights.Provision(id), stored.Record?.Provision);
    }

    [Fact]
    public async Task Provisioning_into_an_unknown_district_or_with_a_foreign_spec_is_refused_by_field()
    {
        var id = Streetlights.NewId();
        var unknownDistrict = await Light(id).Provision(Streetlights.Provision(id, district: "atlantis"));
        Assert.Equal(["districtId"], unknownDistrict.Errors.Select(e => e.Field));

        var wrongSpec = await Light(id).Provision(Streetlights.Provision(id) with { Spec = new TruckSpec(10_000, new GeoPoint(52, 4)) });
        Assert.Contains("spec", wrongSpec.Errors.Select(e => e.Field));

        var badPower = await Light(id).Provision(Streetlights.Provision(id) with { Spec = new StreetlightSpec(-5, 1) });
        Assert.False(badPower.Accepted);
        Assert.Null((await StoredAsync(id)).State.Record);
    }

    [Fact]
    public async Task A_reading_for_an_unprovisioned_asset_is_refused_and_creates_nothing()
    {
        var id = Streetlights.NewId();
        var result = await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(1));
        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        Assert.Equal("assetId", Assert.Single(result.Errors).Field);
        var (stored, etag) = await StoredAsync(id);
        Assert.Null(stored.Record);
        Assert.Null(etag);
    }

    [Fact]
    public async Task Duplicates_are_ignored_late_readings_counted_and_future_ones_refused()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        await light.Provision(Streetlights.Provision(id));

        Assert.Equal(ReadingOutcome.Applied, (await light.Report(Streetlights.Stamp(5), Streetlights.Lit(1))).Outcome);
        Assert.Equal(ReadingOutcome.Duplicate, (await light.Report(Streetlights.Stamp(5), Streetlights.Lit(0.2))).Outcome);
        Assert.Equal(ReadingOutcome.Late, (await light.Report(Streetlights.Stamp(3), Streetlights.Lit(0.2))).Outcome);
        var future = await light.Report(Streetlights.Stamp(6, at: DateTimeOffset.UtcNow.AddHours(1)), Streetlights.Lit(0.2));
        Assert.Equal("deviceTime", Assert.Single(future.Errors).Field);

        var twin = await light.GetTwin();
        Assert.Equal(1, twin!.IlluminanceLevel);
        var status = await light.GetStatus();
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 1, Late: 1, Rejected: 1), status.Readings);
    }

    [Fact]
    public async Task The_view_shows_in_one_call_the_status_record_and_kind_state_the_separate_reads_show()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        var unknown = await light.GetView();
        Assert.Equal(AssetLifecycle.Unprovisioned, unknown.Status.Lifecycle);
        Assert.Null(unknown.Record);
        Assert.Null(unknown.Twin);

        await light.Provision(Streetlights.Provision(id));
        await light.Report(Streetlights.Stamp(1), Streetlights.Lit(0.4));
        var view = await light.GetView();
        Assert.Equal(await light.GetRecord(), view.Record);
        Assert.Equal((await light.GetStatus()).Readings, view.Status.Readings);
        Assert.Equal(new ReadingCounts(Applied: 1, Duplicates: 0, Late: 0, Rejected: 0), view.Status.Readings);
        var twin = Assert.IsType<StreetlightTwin>(view.Twin);
        Assert.Equal((await light.GetTwin())!.IlluminanceLevel, twin.IlluminanceLevel);
        Assert.Equal(0.4, twin.IlluminanceLevel);
    }

    [Fact]
    public async Task An_out_of_range_reading_is_refused_by_field_and_changes_nothing()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        await light.Provision(Streetlights.Provision(id));
        await light.Report(Streetlights.Stamp(1), Streetlights.Lit(0.5));

        var result = await light.Report(Streetlights.Stamp(2), Streetlights.Lit(0.5) with { IlluminanceLevel = 1.7 });

        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        Assert.Equal("illuminanceLevel", Assert.Single(result.Errors).Field);
        Assert.Contains("1.7", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0.5, (await light.GetTwin())!.IlluminanceLevel);
    }

    [Fact]
    public async Task A_rebooted_device_starts_a_new_sequence_and_a_replaced_device_starts_afresh()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        await light.Provision(Streetlights.Provision(id));
        await light.Report(Streetlights.Stamp(10, bootEpoch: 1), Streetlights.Lit(1));

        Assert.Equal(ReadingOutcome.Applied, (await light.Report(Streetlights.Stamp(1, bootEpoch: 2), Streetlights.Lit(0.5))).Outcome);

        Assert.True((await light.ReplaceDevice("dev-2")).Accepted);
        Assert.Equal(ReadingOutcome.Applied, (await light.Report(Streetlights.Stamp(1, bootEpoch: 1), Streetlights.Lit(0.3))).Outcome);
        Assert.Equal(0.3, (await light.GetTwin())!.IlluminanceLevel);
        Assert.Equal("dev-2", (await StoredAsync(id)).State.Record!.Provision.DeviceId);
    }

    [Fact]
    public async Task A_decommissioned_asset_refuses_readings_keeps_its_record_and_can_then_be_deleted()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        await light.Provision(Streetlights.Provision(id));
        await light.Report(Streetlights.Stamp(1), Streetlights.Lit(1));

        Assert.False((await light.Delete()).Accepted);
        Assert.True((await light.Decommission()).Accepted);
        var refused = await light.Report(Streetlights.Stamp(2), Streetlights.Lit(1));
        Assert.Contains("decommissioned", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(AssetLifecycle.Decommissioned, (await StoredAsync(id)).State.Record!.Lifecycle);
        Assert.Equal(1, (await light.GetTwin())!.IlluminanceLevel);

        Assert.True((await light.Delete()).Accepted);
        Assert.Null((await StoredAsync(id)).State.Record);
        Assert.True((await Light(id).Provision(Streetlights.Provision(id))).Accepted);
    }

    [Fact]
    public async Task Moving_an_asset_moves_it_between_district_rosters()
    {
        var id = Streetlights.NewId();
        var light = Light(id);
        await light.Provision(Streetlights.Provision(id, district: "centrum"));
        Assert.True((await light.MoveToDistrict("noord")).Accepted);
        Assert.Equal("noord", (await StoredAsync(id)).State.Record!.Provision.DistrictId);
        Assert.False((await light.MoveToDistrict("atlantis")).Accepted);

        await Eventually.HoldsAsync(async () =>
        {
            var noord = await fixture.Client.GetGrain<IDistrictGrain>("noord").GetCounts();
            return noord.Assets.GetValueOrDefault(AssetKind.Streetlight) > 0;
        });
    }

    [Fact]
    public async Task An_id_belongs_to_one_kind_only()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id));
        var truck = TwinGrains.Get(fixture.Client, AssetKind.Truck, id);
        var result = await truck.Provision(new AssetProvision(id, AssetKind.Truck, "centrum", new GeoPoint(52.37, 4.89), "dev-9", new TruckSpec(10_000, new GeoPoint(52.37, 4.89))));
        Assert.False(result.Accepted);
        Assert.Contains("streetlight", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
