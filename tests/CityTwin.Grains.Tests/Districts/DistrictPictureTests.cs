using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Grains.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Tests.Districts;

[Collection(DistrictCollection.Name)]
public class DistrictPictureTests(DistrictFixture fixture)
{
    private IDistrictGrain District(string id) => fixture.Client.GetGrain<IDistrictGrain>(id);

    private async Task<IBinGrain> BinAsync(string district, string id)
    {
        var bin = fixture.Client.GetGrain<IBinGrain>(id);
        var result = await bin.Provision(new AssetProvision(id, AssetKind.Bin, district, new GeoPoint(52.3701, 4.8901), $"s-{id}", new BinSpec(1100, 0.8, 120, 300)));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return bin;
    }

    [Fact]
    public async Task Aggregates_follow_notifications_and_a_reading_inside_its_band_sends_none()
    {
        var district = await fixture.NewDistrictAsync();
        var bin = await BinAsync(district, $"b-{Guid.NewGuid():N}"[..12]);
        var other = await BinAsync(district, $"b-{Guid.NewGuid():N}"[..12]);
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsByFill.GetValueOrDefault("unknown") == 2);

        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.1));
        await other.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.1));
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsByFill.GetValueOrDefault("0-25") == 2);
        var before = await District(district).GetCounts();

        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.15));
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.2));
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.6));
        await other.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.85));
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsNeedingCollection == 1);

        var picture = await District(district).GetPicture();
        var after = await District(district).GetCounts();
        Assert.Equal(new Dictionary<string, int> { ["50-75"] = 1, ["75-100"] = 1 }, picture.BinsByFill);
        // Four readings, two bands crossed: two notifications (the threshold crossing rides with its band's).
        Assert.Equal(before.NotificationsReceived + 2, after.NotificationsReceived);
    }

    [Fact]
    public async Task Lights_are_counted_by_output_with_their_power()
    {
        var district = await fixture.NewDistrictAsync();
        var dimmed = await fixture.LightAsync(district, $"l-{Guid.NewGuid():N}"[..12], "ab");
        var full = await fixture.LightAsync(district, $"l-{Guid.NewGuid():N}"[..12], "bc");

        await dimmed.Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 51, 2, false));
        await full.Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.On, 1, 101, 2, false));

        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).LightsByPower.Values.Sum() == 2
            && (await District(district).GetPicture()).LightsByPower.GetValueOrDefault("on") == 1);
        var picture = await District(district).GetPicture();
        Assert.Equal(new Dictionary<string, int> { ["dimmed"] = 1, ["on"] = 1 }, picture.LightsByPower);
        Assert.Equal(152, picture.LightsWatts, 6);
    }

    [Fact]
    public async Task After_a_restart_the_district_asks_its_roster_to_enrol_again_and_gets_its_picture_and_conditions_back()
    {
        var district = await fixture.NewDistrictAsync();
        var full = await BinAsync(district, $"b-{Guid.NewGuid():N}"[..12]);
        var burning = await BinAsync(district, $"b-{Guid.NewGuid():N}"[..12]);
        await full.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await burning.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.3, Temperature: 85));
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsNeedingCollection == 1
            && (await District(district).GetCounts()).ActiveConditions.GetValueOrDefault("bin:fire") == 1);
        var before = await District(district).GetPicture();
        var conditionsBefore = (await District(district).GetCounts()).ActiveConditions;
        var reminders = fixture.SiloServices.GetRequiredService<IReminderTable>();
        await Eventually.HoldsAsync(async () => await reminders.ReadRow(District(district).GetGrainId(), WakeUpReminder.Name) is not null);

        await fixture.RestartSiloAsync();

        // Only the district is called; the bins are not, so only its asking brings them back.
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsByFill.Values.Sum() == 2
            && (await District(district).GetCounts()).ActiveConditions.Count == conditionsBefore.Count);
        var after = await District(district).GetPicture();
        Assert.Equal(before.BinsByFill, after.BinsByFill);
        Assert.Equal(1, after.BinsNeedingCollection);
        Assert.Equal(conditionsBefore, (await District(district).GetCounts()).ActiveConditions);
    }

    [Fact]
    public async Task A_district_survives_a_restart_with_its_alerts_policy_overrides_and_rebuilds_its_aggregates()
    {
        var district = await fixture.NewDistrictAsync();
        var binId = $"b-{Guid.NewGuid():N}"[..12];
        var lightId = $"l-{Guid.NewGuid():N}"[..12];
        var bin = await BinAsync(district, binId);
        await fixture.LightAsync(district, lightId, "ab");
        var now = fixture.Time.GetUtcNow();
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await Eventually.HoldsAsync(async () => (await District(district).ListAlerts(false)).Count == 1);
        var policy = await District(district).GetDimmingPolicy();
        Assert.True((await District(district).ReviseDimmingPolicy(policy with { DimmedLevel = 0.4 }, "planner", null)).Accepted);
        Assert.True((await District(district).SetLightingOverride(new("o1", lightId, 0.9, now, now.AddHours(3), "ops"))).Accepted);
        Assert.True((await District(district).SetMaintenance(new("w1", null, now.AddHours(1), now.AddHours(2), "ops"))).Accepted);

        await fixture.RestartSiloAsync();

        var alert = Assert.Single(await District(district).ListAlerts(false));
        Assert.Equal((binId, "binFull"), (alert.AssetId, alert.Type));
        Assert.Equal((1, 0.4), ((await District(district).GetDimmingPolicy()).Version, (await District(district).GetDimmingPolicy()).DimmedLevel));
        Assert.Equal("o1", Assert.Single(await District(district).ListLightingOverrides()).Id);
        Assert.Equal("w1", Assert.Single(await District(district).ListMaintenance()).Id);

        // The aggregates were in memory: the twins give them back as they activate and enrol again.
        await fixture.Client.GetGrain<IBinGrain>(binId).GetStatus();
        await fixture.Client.GetGrain<IStreetlightGrain>(lightId).GetStatus();
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).BinsByFill.GetValueOrDefault("75-100") == 1);
        await District(district).EvaluateLighting();
        var target = Assert.Single(await District(district).GetLightTargets());
        Assert.Equal((0.9, "override", (double?)0.9), (target.Level, target.Reason, target.CommandedLevel));
    }
}
