using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Domain.Bins;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Tests.Trucks;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Bins;

[Collection(ClusterCollection.Name)]
public sealed class BinGrainTests(ClusterFixture fixture)
{
    private const string FullCondition = "bin:fillingLevel>=0.8";

    private static string NewId() => $"bin-{Guid.NewGuid():N}"[..18];

    private static AssetProvision Provision(string id, BinSpec? spec = null) =>
        new(id, AssetKind.Bin, "centrum", new GeoPoint(52.3701, 4.9001), "sensor-1", spec ?? new BinSpec(1100, 0.8, 120, 300));

    private static int sequence;

    private static DeviceStamp Next() => new(DateTimeOffset.UtcNow, 1, Interlocked.Increment(ref sequence));

    /// <summary>The ultrasonic distance for a fill level in a 120 cm deep bin.</summary>
    private static BinTelemetry Filled(double level) => new(DistanceCm: 120 * (1 - level), Temperature: 12);

    private IBinGrain Bin(string id) => fixture.Client.GetGrain<IBinGrain>(id);

    private async Task<IBinGrain> ProvisionedAsync()
    {
        var id = NewId();
        var result = await Bin(id).Provision(Provision(id));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return Bin(id);
    }

    [Fact]
    public async Task A_bin_spec_out_of_range_is_refused_by_field()
    {
        var id = NewId();
        var result = await Bin(id).Provision(Provision(id, new BinSpec(-5, 0.8, 120, 300)));
        Assert.Equal("binCapacity", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task An_ultrasonic_reading_becomes_a_filling_level_in_the_twin()
    {
        var bin = await ProvisionedAsync();
        Assert.Equal(ReadingOutcome.Applied, (await bin.Report(Next(), Filled(0.25))).Outcome);
        var twin = await bin.GetTwin();
        Assert.Equal(0.25, twin!.FillingLevel!.Value, precision: 3);
        Assert.Equal("ok", twin.SensorHealth);
        Assert.Equal(1100, twin.BinCapacity);
    }

    [Fact]
    public async Task A_distance_beyond_the_bin_is_refused_by_field_and_changes_nothing()
    {
        var bin = await ProvisionedAsync();
        await bin.Report(Next(), Filled(0.25));
        var result = await bin.Report(Next(), new BinTelemetry(DistanceCm: 400));
        Assert.Equal("distanceCm", Assert.Single(result.Errors).Field);
        Assert.Equal(0.25, (await bin.GetTwin())!.FillingLevel!.Value, precision: 3);
    }

    [Fact]
    public async Task Crossing_the_fullness_threshold_tells_the_district_once()
    {
        var bin = await ProvisionedAsync();
        var district = fixture.Client.GetGrain<IDistrictGrain>("centrum");
        foreach (var level in new[] { 0.5, 0.6, 0.7 })
            await bin.Report(Next(), Filled(level));
        var before = await district.GetCounts();

        foreach (var level in new[] { 0.85, 0.87, 0.9, 0.92, 0.95 })
            await bin.Report(Next(), Filled(level));

        await Eventually.HoldsAsync(async () =>
            (await district.GetCounts()).ActiveConditions.GetValueOrDefault(FullCondition) == before.ActiveConditions.GetValueOrDefault(FullCondition) + 1);
        var after = await district.GetCounts();
        var threshold = await bin.GetTwin();
        // Five readings above the threshold: one crossing, plus at most a prediction that moved.
        Assert.InRange(after.NotificationsReceived - before.NotificationsReceived, 1, 2);
        Assert.True(threshold!.FillingLevel >= 0.9);
    }

    [Fact]
    public async Task A_collection_reported_twice_counts_once_and_is_written_through()
    {
        var bin = await ProvisionedAsync();
        await bin.Report(Next(), Filled(0.9));
        Assert.True((await bin.RecordCollection("lift-1", DateTimeOffset.UtcNow)).Accepted);
        Assert.True((await bin.RecordCollection("lift-1", DateTimeOffset.UtcNow)).Accepted);

        var (stored, _) = await fixture.ReadStoredAsync<TwinState<BinState>>(StorageNames.BinTwinState, bin.GetGrainId());
        Assert.Equal(1, stored.Kind.Collections);
        Assert.NotNull(stored.Kind.DateLastEmptying);

        // The bin's own RFID reader reports the same collection: still one.
        Assert.Equal(ReadingOutcome.Applied, (await bin.Report(Next(), new BinTelemetry(DistanceCm: 115, CollectionId: "lift-1"))).Outcome);
        Assert.Equal(1, (await bin.GetTwin())!.Collections);
    }

    [Fact]
    public async Task A_truck_that_lifts_a_bin_empties_its_twin_once_even_when_its_reading_is_redelivered()
    {
        var bin = await ProvisionedAsync();
        await bin.Report(Next(), Filled(0.9));
        var binId = bin.GetPrimaryKeyString();
        var truckId = TruckSamples.NewId();
        var truck = fixture.Client.GetGrain<ITruckGrain>(truckId);
        await truck.Provision(TruckSamples.Provision(truckId));

        var lift = new TruckCollection($"lift-{Guid.NewGuid():N}"[..12], binId, 80);
        var stamp = TruckSamples.Stamp(1);
        Assert.Equal(ReadingOutcome.Applied, (await truck.Report(stamp, TruckSamples.Driving(lift: lift))).Outcome);
        Assert.Equal(ReadingOutcome.Duplicate, (await truck.Report(stamp, TruckSamples.Driving(lift: lift))).Outcome);

        await Eventually.HoldsAsync(async () => (await bin.GetTwin())!.Collections == 1);
        await Task.Delay(300);
        var twin = await bin.GetTwin();
        Assert.Equal(1, twin!.Collections);
        Assert.NotNull(twin.DateLastEmptying);
    }

    [Fact]
    public async Task A_reading_for_a_streetlight_sent_to_a_bin_is_refused_naming_the_kind()
    {
        var id = Twins.Streetlights.NewId();
        await fixture.Client.GetGrain<IStreetlightGrain>(id).Provision(Twins.Streetlights.Provision(id));
        var result = await Bin(id).Report(Next(), Filled(0.5));
        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal("kind", error.Field);
        Assert.Contains("is a streetlight, not a bin", error.Message, StringComparison.Ordinal);
        Assert.Null((await fixture.ReadStoredAsync<TwinState<BinState>>(StorageNames.BinTwinState, Bin(id).GetGrainId())).ETag);
    }

    [Fact]
    public async Task Readings_are_written_behind()
    {
        var bin = await ProvisionedAsync();
        await bin.Report(Next(), Filled(0.4));
        await Eventually.HoldsAsync(async () =>
            (await fixture.ReadStoredAsync<TwinState<BinState>>(StorageNames.BinTwinState, bin.GetGrainId())).State.Kind.FillingLevel is > 0.39);
    }
}
