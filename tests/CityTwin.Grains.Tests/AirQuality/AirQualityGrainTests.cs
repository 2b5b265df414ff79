using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.AirQuality;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.AirQuality;

[Collection(ClusterCollection.Name)]
public sealed class AirQualityGrainTests(ClusterFixture fixture)
{
    private const string District = "centrum";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private static string NewAssetId() => $"aq-{Guid.NewGuid():N}";

    private static AssetProvision ProvisionOf(string assetId, params string[] pollutants) =>
        new(assetId, AssetKind.AirQuality, District, new GeoPoint(52.37, 4.89), $"dev-{assetId}",
            new AirQualitySpec([.. pollutants]));

    private async Task<IAirQualityGrain> ProvisionedAsync(params string[] pollutants)
    {
        var assetId = NewAssetId();
        var sensor = fixture.Client.GetGrain<IAirQualityGrain>(assetId);
        var result = await sensor.Provision(ProvisionOf(assetId, pollutants.Length > 0 ? pollutants : ["pm25", "pm10", "no2"]));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return sensor;
    }

    private Task<(TwinState<AirQualityState> State, string? ETag)> StoredAsync(IAirQualityGrain sensor) =>
        fixture.ReadStoredAsync<TwinState<AirQualityState>>(StorageNames.AirQualityTwinState, sensor.GetGrainId());

    private static DeviceStamp Stamp(long sequence, DateTimeOffset deviceTime) => new(deviceTime, 1, sequence);

    private Task<DistrictCounts> DistrictCountsAsync() => fixture.Client.GetGrain<IDistrictGrain>(District).GetCounts();

    private async Task<DistrictCounts> DistrictCountsWhenAsync(Func<DistrictCounts, bool> done)
    {
        await Eventually.HoldsAsync(async () => done(await DistrictCountsAsync()), Deadline);
        return await DistrictCountsAsync();
    }

    private static Task WrittenBehindAsync(IAirQualityGrain sensor) =>
        Eventually.HoldsAsync(async () => !(await sensor.GetStatus()).UnsavedChanges, Deadline);

    /// <summary>
    /// Series of completed hours are aligned on the server's clock: a test that compares them with the hours
    /// its readings were stamped in must not straddle the turn of an hour.
    /// </summary>
    private static async Task<DateTimeOffset> ClearOfHourTurnAsync()
    {
        var untilNextHour = TimeSpan.FromTicks(TimeSpan.TicksPerHour - DateTimeOffset.UtcNow.UtcTicks % TimeSpan.TicksPerHour);
        if (untilNextHour < TimeSpan.FromSeconds(30))
            await Task.Delay(untilNextHour + TimeSpan.FromSeconds(1));
        return DateTimeOffset.UtcNow;
    }

    [Fact]
    public async Task Provisioning_is_written_through_and_shows_an_empty_twin()
    {
        var sensor = await ProvisionedAsync("pm25", "no2");

        var (stored, etag) = await StoredAsync(sensor);
        Assert.NotNull(etag);
        Assert.Equal(AssetLifecycle.Active, stored.Record?.Lifecycle);
        Assert.Equal(["pm25", "no2"], ((AirQualitySpec)stored.Record!.Provision.Spec).MeasuredPollutants);
        var twin = await sensor.GetTwin();
        Assert.NotNull(twin);
        Assert.Null(twin.Pm25);
        Assert.Null(twin.AirQualityLevel);
        Assert.Equal(["pm25", "no2"], twin.Pollutants.Select(p => p.Pollutant));
        Assert.Empty(twin.History);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pm25,co2")]
    [InlineData("pm25,pm25")]
    public async Task An_invalid_spec_is_rejected_naming_the_field_and_stores_nothing(string pollutants)
    {
        var assetId = NewAssetId();
        var sensor = fixture.Client.GetGrain<IAirQualityGrain>(assetId);

        var result = await sensor.Provision(ProvisionOf(assetId, pollutants.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.False(result.Accepted);
        Assert.Equal("measuredPollutants", Assert.Single(result.Errors).Field);
        Assert.Null(await sensor.GetTwin());
        Assert.Null((await StoredAsync(sensor)).ETag);
    }

    [Fact]
    public async Task Provisioning_again_with_identical_data_changes_nothing()
    {
        var assetId = NewAssetId();
        var sensor = fixture.Client.GetGrain<IAirQualityGrain>(assetId);
        await sensor.Provision(ProvisionOf(assetId, "pm25", "o3"));
        var (_, etagBefore) = await StoredAsync(sensor);

        // A new message with equal data, as a repeated import sends it.
        var result = await sensor.Provision(ProvisionOf(assetId, "pm25", "o3"));

        Assert.True(result.Accepted);
        var (_, etagAfter) = await StoredAsync(sensor);
        Assert.Equal(etagBefore, etagAfter);
    }

    [Fact]
    public async Task Changing_the_measured_pollutants_is_written_through_and_governs_readings()
    {
        var assetId = NewAssetId();
        var sensor = fixture.Client.GetGrain<IAirQualityGrain>(assetId);
        await sensor.Provision(ProvisionOf(assetId, "pm25"));
        Assert.Equal("o3", Assert.Single((await sensor.Report(Stamp(1, DateTimeOffset.UtcNow), new(O3: 40))).Errors).Field);

        Assert.True((await sensor.Provision(ProvisionOf(assetId, "pm25", "o3"))).Accepted);

        var (stored, _) = await StoredAsync(sensor);
        Assert.Equal(["pm25", "o3"], ((AirQualitySpec)stored.Record!.Provision.Spec).MeasuredPollutants);
        Assert.Equal(ReadingOutcome.Applied, (await sensor.Report(Stamp(2, DateTimeOffset.UtcNow), new(O3: 40))).Outcome);
    }

    [Fact]
    public async Task A_valid_reading_is_applied_and_visible_in_the_twin()
    {
        var sensor = await ProvisionedAsync();
        var takenAt = DateTimeOffset.UtcNow.AddSeconds(-5);

        var result = await sensor.Report(Stamp(1, takenAt), new(Pm25: 12.5, Pm10: 20, Temperature: 7.5, RelativeHumidity: 54));

        Assert.Equal(ReadingOutcome.Applied, result.Outcome);
        var twin = await sensor.GetTwin();
        Assert.NotNull(twin);
        Assert.Equal(12.5, twin.Pm25);
        Assert.Equal(20, twin.Pm10);
        Assert.Null(twin.No2);
        Assert.Equal(7.5, twin.Temperature);
        Assert.Equal(0.54, twin.RelativeHumidity!.Value, 9);
        Assert.Equal(takenAt, twin.LastReadingAt);
        var hour = Assert.Single(twin.History);
        Assert.Equal(12.5, hour.Pm25);
        Assert.Equal(20, hour.Pm10);
        Assert.Equal(1, (await sensor.GetStatus()).Readings.Applied);
    }

    [Fact]
    public async Task The_index_is_that_of_the_last_completed_hour_by_device_time()
    {
        var sensor = await ProvisionedAsync();
        var now = await ClearOfHourTurnAsync();

        await sensor.Report(Stamp(1, now.AddHours(-2)), new(Pm25: 10, No2: 20));
        await sensor.Report(Stamp(2, now.AddHours(-2).AddSeconds(1)), new(Pm25: 30, No2: 20));
        await sensor.Report(Stamp(3, now.AddHours(-1)), new(Pm25: 3, No2: 5));

        var twin = await sensor.GetTwin();
        Assert.NotNull(twin);
        // pm25 averaged 20 µg/m³ over that hour: moderate by the EAQI, worse than no2's fair.
        Assert.Equal(3, twin.AirQualityIndex);
        Assert.Equal("moderate", twin.AirQualityLevel);
        Assert.Equal("pm25", twin.DominantPollutant);
        Assert.False(twin.PoorAirAlert);
        Assert.Equal(StartOfHour(now.AddHours(-2)), twin.LevelHour);
        Assert.Equal([20.0, 3.0], twin.History.Select(h => h.Pm25));
        var means = await sensor.GetHourlyMeans("pm25");
        Assert.Equal(PollutantHistory.Hours, means.Count);
        Assert.Equal([null, 20.0, 3.0], means.TakeLast(3));
        Assert.Equal(2, means.Count(m => m is not null));
    }

    [Fact]
    public async Task An_out_of_range_reading_is_rejected_naming_the_field_and_changes_nothing()
    {
        var sensor = await ProvisionedAsync("pm25", "pm10");
        var now = DateTimeOffset.UtcNow;
        await sensor.Report(Stamp(1, now.AddSeconds(-10)), new(Pm25: 8, RelativeHumidity: 40));

        var outOfRange = await sensor.Report(Stamp(2, now.AddSeconds(-5)), new(Pm25: 1500, RelativeHumidity: 40));
        var notMeasured = await sensor.Report(Stamp(3, now), new(Pm25: 9, No2: 30));

        Assert.Equal(ReadingOutcome.Rejected, outOfRange.Outcome);
        Assert.Equal("pm25", Assert.Single(outOfRange.Errors).Field);
        Assert.Equal(ReadingOutcome.Rejected, notMeasured.Outcome);
        Assert.Equal("no2", Assert.Single(notMeasured.Errors).Field);
        var twin = await sensor.GetTwin();
        Assert.Equal(8, twin!.Pm25);
        Assert.Equal(8, Assert.Single(twin.History).Pm25);
        Assert.Equal(now.AddSeconds(-10), twin.LastReadingAt);
        var readings = (await sensor.GetStatus()).Readings;
        Assert.Equal((1, 2), (readings.Applied, readings.Rejected));
    }

    [Fact]
    public async Task A_redelivered_reading_is_ignored_as_a_duplicate()
    {
        var sensor = await ProvisionedAsync();
        var stamp = Stamp(7, DateTimeOffset.UtcNow);
        await sensor.Report(stamp, new(Pm25: 11));

        var again = await sensor.Report(stamp, new(Pm25: 99));

        Assert.Equal(ReadingOutcome.Duplicate, again.Outcome);
        var twin = await sensor.GetTwin();
        Assert.Equal(11, twin!.Pm25);
        Assert.Equal(11, Assert.Single(twin.History).Pm25);
        var readings = (await sensor.GetStatus()).Readings;
        Assert.Equal((1, 1), (readings.Applied, readings.Duplicates));
    }

    [Fact]
    public async Task A_late_reading_is_counted_and_does_not_move_current_state()
    {
        var sensor = await ProvisionedAsync();
        var now = DateTimeOffset.UtcNow;
        await sensor.Report(Stamp(5, now), new(Pm25: 14));

        var late = await sensor.Report(Stamp(4, now.AddMinutes(-10)), new(Pm25: 60));

        Assert.Equal(ReadingOutcome.Late, late.Outcome);
        var twin = await sensor.GetTwin();
        Assert.Equal(14, twin!.Pm25);
        Assert.Equal(now, twin.LastReadingAt);
        var readings = (await sensor.GetStatus()).Readings;
        Assert.Equal((1, 1), (readings.Applied, readings.Late));
    }

    [Fact]
    public async Task A_reading_for_an_unprovisioned_sensor_is_rejected_and_creates_nothing()
    {
        var sensor = fixture.Client.GetGrain<IAirQualityGrain>(NewAssetId());

        var result = await sensor.Report(Stamp(1, DateTimeOffset.UtcNow), new(Pm25: 10));

        Assert.Equal(ReadingOutcome.Rejected, result.Outcome);
        Assert.Equal("assetId", Assert.Single(result.Errors).Field);
        var (stored, etag) = await StoredAsync(sensor);
        Assert.Null(etag);
        Assert.Null(stored.Record);
        Assert.Null(await sensor.GetTwin());
    }

    [Fact]
    public async Task A_reading_is_written_behind_once_the_interval_has_passed()
    {
        var sensor = await ProvisionedAsync();

        await sensor.Report(Stamp(1, DateTimeOffset.UtcNow), new(Pm25: 17, No2: 33));

        await Eventually.HoldsAsync(async () => (await StoredAsync(sensor)).State.Counters?.Applied == 1, Deadline);
        var (stored, _) = await StoredAsync(sensor);
        Assert.Equal(17, stored.Kind.Pm25);
        Assert.Equal(33, stored.Kind.No2);
        Assert.Equal(33, stored.Kind.No2Hourly.Means.Max());
        await WrittenBehindAsync(sensor);
    }

    [Fact]
    public async Task Poor_air_is_told_to_the_district_when_raised_and_when_cleared_and_not_for_other_readings()
    {
        const string condition = "airquality:poorAir";
        var sensor = await ProvisionedAsync();
        var now = DateTimeOffset.UtcNow;
        var before = await DistrictCountsAsync();

        // Hour by hour: good, poor, then good; the alert rises once the poor hour is complete...
        await sensor.Report(Stamp(1, now.AddHours(-5)), new(Pm25: 10));
        await sensor.Report(Stamp(2, now.AddHours(-4)), new(Pm25: 80));
        await sensor.Report(Stamp(3, now.AddHours(-3)), new(Pm25: 10));
        var raised = await DistrictCountsWhenAsync(c => c.ActiveConditions.GetValueOrDefault(condition) > before.ActiveConditions.GetValueOrDefault(condition));

        Assert.Equal(before.ActiveConditions.GetValueOrDefault(condition) + 1, raised.ActiveConditions.GetValueOrDefault(condition));
        // Counted: notifications with signals; a twin's picture bands (load, level, traffic) move on their own.
        Assert.Equal(before.SignalNotifications + 1, raised.SignalNotifications);
        Assert.True((await sensor.GetTwin())!.PoorAirAlert);

        // ...and clears after two completed hours better than poor; one is not enough.
        await sensor.Report(Stamp(4, now.AddHours(-2)), new(Pm25: 10));
        Assert.True((await sensor.GetTwin())!.PoorAirAlert);
        await sensor.Report(Stamp(5, now.AddHours(-1)), new(Pm25: 10));
        var cleared = await DistrictCountsWhenAsync(c => c.SignalNotifications > raised.SignalNotifications);

        Assert.Equal(before.ActiveConditions.GetValueOrDefault(condition), cleared.ActiveConditions.GetValueOrDefault(condition));
        Assert.Equal(before.SignalNotifications + 2, cleared.SignalNotifications);
        Assert.False((await sensor.GetTwin())!.PoorAirAlert);
    }

    [Fact]
    public async Task A_drift_assessment_is_written_through_and_raises_and_clears_the_drift_condition()
    {
        const string condition = "airquality:drift.pm25";
        var sensor = await ProvisionedAsync();
        var now = await ClearOfHourTurnAsync();
        for (var back = 14; back >= 1; back--)
            await sensor.Report(Stamp(15 - back, now.AddHours(-back)), new(Pm25: 40, No2: 20));
        var own = await sensor.GetHourlyMeans("pm25");
        Assert.Equal(14, own.Count(m => m == 40));
        // Once the readings are written behind, only the command itself can put its verdict in storage.
        await WrittenBehindAsync(sensor);
        var before = await DistrictCountsAsync();

        // Three neighbours reading a quarter of this sensor's pm25 hour after hour.
        var cleanNeighbours = Enumerable.Repeat<IReadOnlyList<double?>>([.. own.Select(m => m / 4)], 3).ToList();
        Assert.True((await sensor.ApplyDriftAssessment("pm25", cleanNeighbours)).Accepted);

        var (stored, _) = await StoredAsync(sensor);
        Assert.True(stored.Kind.Pm25Hourly.DriftSuspect);
        Assert.False(stored.Kind.No2Hourly.DriftSuspect);
        var status = (await sensor.GetTwin())!.Pollutants.Single(p => p.Pollutant == "pm25");
        Assert.True(status.DriftSuspect);
        Assert.Equal(41.0 / 11, status.DriftRatio!.Value, 4);
        var raised = await DistrictCountsWhenAsync(c => c.ActiveConditions.GetValueOrDefault(condition) > before.ActiveConditions.GetValueOrDefault(condition));
        Assert.Equal(before.ActiveConditions.GetValueOrDefault(condition) + 1, raised.ActiveConditions.GetValueOrDefault(condition));
        Assert.Equal(before.NotificationsReceived + 1, raised.NotificationsReceived);

        // Neighbours that agree clear it.
        var agreeingNeighbours = Enumerable.Repeat(own, 3).ToList();
        Assert.True((await sensor.ApplyDriftAssessment("pm25", agreeingNeighbours)).Accepted);

        Assert.False((await StoredAsync(sensor)).State.Kind.Pm25Hourly.DriftSuspect);
        var cleared = await DistrictCountsWhenAsync(c => c.NotificationsReceived > raised.NotificationsReceived);
        Assert.Equal(before.ActiveConditions.GetValueOrDefault(condition), cleared.ActiveConditions.GetValueOrDefault(condition));
    }

    [Fact]
    public async Task An_inconclusive_drift_assessment_is_accepted_and_writes_nothing()
    {
        var sensor = await ProvisionedAsync();
        var now = DateTimeOffset.UtcNow;
        await sensor.Report(Stamp(1, now.AddHours(-2)), new(Pm25: 40));
        await sensor.Report(Stamp(2, now.AddHours(-1)), new(Pm25: 40));
        await WrittenBehindAsync(sensor);
        var (_, etagBefore) = await StoredAsync(sensor);

        // Two hours in common are far fewer than a verdict needs.
        var neighbours = Enumerable.Repeat<IReadOnlyList<double?>>(Enumerable.Repeat<double?>(5, PollutantHistory.Hours).ToList(), 3).ToList();
        Assert.True((await sensor.ApplyDriftAssessment("pm25", neighbours)).Accepted);

        Assert.Equal(etagBefore, (await StoredAsync(sensor)).ETag);
        Assert.False((await sensor.GetTwin())!.Pollutants.Single(p => p.Pollutant == "pm25").DriftSuspect);
    }

    [Fact]
    public async Task A_drift_assessment_names_what_is_wrong_with_it()
    {
        var sensor = await ProvisionedAsync("pm25");
        IReadOnlyList<double?> fine = Enumerable.Repeat<double?>(5, PollutantHistory.Hours).ToList();
        IReadOnlyList<double?> tooLong = Enumerable.Repeat<double?>(5, PollutantHistory.Hours + 1).ToList();
        IReadOnlyList<double?> negative = [5, -1];

        var notMeasured = await sensor.ApplyDriftAssessment("no2", [fine, fine, fine]);
        var unknown = await sensor.ApplyDriftAssessment("co2", [fine, fine, fine]);
        var malformed = await sensor.ApplyDriftAssessment("pm25", [fine, tooLong, negative]);

        Assert.Equal("pollutant", Assert.Single(notMeasured.Errors).Field);
        Assert.Equal("pollutant", Assert.Single(unknown.Errors).Field);
        Assert.Equal(["neighbourHourlyMeans[1]", "neighbourHourlyMeans[2]"], malformed.Errors.Select(e => e.Field));
        Assert.False(notMeasured.Accepted || unknown.Accepted || malformed.Accepted);
    }

    private static DateTimeOffset StartOfHour(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
}
