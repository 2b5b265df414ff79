using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Streetlights;
using CityTwin.Grains.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Grains.Tests.Districts;

[Collection(DistrictCollection.Name)]
public class DistrictLightingTests(DistrictFixture fixture)
{
    private IDistrictGrain District(string id) => fixture.Client.GetGrain<IDistrictGrain>(id);

    private List<DownlinkCommand> CommandsTo(string lightId) =>
        [.. ((UndeliveredCommands)fixture.SiloServices.GetRequiredService<IDeviceCommandSink>()).Kept.Where(c => c.AssetId == lightId)];

    private async Task<LightTargetView> TargetAsync(string district, string lightId) =>
        (await District(district).GetLightTargets()).Single(t => t.LightId == lightId);

    private async Task<string> DistrictWithLightsAsync(params (string Id, string Segment)[] lights)
    {
        var district = await fixture.NewDistrictAsync();
        var defaults = await District(district).GetDimmingPolicy();
        Assert.True((await District(district).ReviseDimmingPolicy(defaults, "planner", "start dimming")).Accepted);
        foreach (var (id, segment) in lights)
            await fixture.LightAsync(district, id, segment);
        await Eventually.HoldsAsync(async () => (await District(district).GetLightTargets()).Count == lights.Length);
        return district;
    }

    [Fact]
    public async Task In_the_dark_an_empty_street_is_dimmed_and_a_command_goes_only_when_the_target_changes()
    {
        var light = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((light, "ab"));

        await District(district).EvaluateLighting();
        var first = await District(district).EvaluateLighting();
        await fixture.Client.GetGrain<IStreetlightGrain>(light).Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 51, 2, false));
        var third = await District(district).EvaluateLighting();

        Assert.True(first.Dark);
        Assert.Equal(0, first.Sent);
        Assert.Equal(0, third.Sent);
        Assert.Equal((0.5, "noActivity"), ((await TargetAsync(district, light)).Level, (await TargetAsync(district, light)).Reason));
        Assert.Single(CommandsTo(light));
        var twin = await fixture.Client.GetGrain<IStreetlightGrain>(light).GetTwin();
        Assert.Equal((0.5, true), (twin!.DesiredLevel, twin.DesiredLevelConfirmed));

        // Presence raises it to full at once, with one more command.
        await fixture.Client.GetGrain<IStreetlightGrain>(light).Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 51, 2, true));
        await Eventually.HoldsAsync(() => Task.FromResult(CommandsTo(light).Count == 2));
        Assert.Equal((1.0, "presence"), ((await TargetAsync(district, light)).Level, (await TargetAsync(district, light)).Reason));
        Assert.Equal(1.0, (await fixture.Client.GetGrain<IStreetlightGrain>(light).GetTwin())!.DesiredLevel);
    }

    [Fact]
    public async Task An_override_wins_over_the_policy_until_it_expires()
    {
        var mine = $"l-{Guid.NewGuid():N}"[..12];
        var other = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((mine, "ab"), (other, "bc"));
        var now = fixture.Time.GetUtcNow();

        var refused = await District(district).SetLightingOverride(new("bad", mine, 1.5, now, now.AddHours(1), "ops"));
        var districtWide = await District(district).SetLightingOverride(new("event", null, 0.8, now, now.AddHours(1), "ops", "concert"));
        var ownLight = await District(district).SetLightingOverride(new("works", mine, 0.1, now, now.AddMinutes(30), "ops", "roadworks"));

        Assert.False(refused.Accepted);
        Assert.Equal("level", Assert.Single(refused.Errors).Field);
        Assert.True(districtWide.Accepted && ownLight.Accepted);
        // The light's own override beats the district's, even below the safety minimum; the other light has the district's.
        Assert.Equal((0.1, "override", "works"), Target(await TargetAsync(district, mine)));
        Assert.Equal((0.8, "override", "event"), Target(await TargetAsync(district, other)));

        fixture.Time.Advance(TimeSpan.FromMinutes(45));
        await District(district).EvaluateLighting();
        Assert.Equal((0.8, "override", "event"), Target(await TargetAsync(district, mine)));

        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        await District(district).EvaluateLighting();
        Assert.Equal((0.5, "noActivity", null), Target(await TargetAsync(district, mine)));
        Assert.Equal((0.5, "noActivity", null), Target(await TargetAsync(district, other)));
        Assert.Empty(await District(district).ListLightingOverrides());
        Assert.Equal([0.5, 0.8, 0.1, 0.8, 0.5], CommandsTo(mine).Select(c => Level(c)));
    }

    [Fact]
    public async Task A_revised_policy_is_versioned_and_audited_and_moves_the_targets()
    {
        var light = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((light, "ab"));
        var current = await District(district).GetDimmingPolicy();

        var refused = await District(district).ReviseDimmingPolicy(current with { DimmedLevel = 0.2 }, "planner", "too dark");
        var kept = await District(district).ReviseDimmingPolicy(current with { DimmedLevel = 0.4 }, "planner", "save more");

        Assert.False(refused.Accepted);
        Assert.Equal("levels", Assert.Single(refused.Errors).Field);
        Assert.True(kept.Accepted);
        var history = await District(district).GetDimmingPolicyHistory();
        Assert.Equal([(1, "start dimming", 0.5), (2, "save more", 0.4)], history.Select(v => (v.Version, v.ChangeNote!, v.DimmedLevel)));
        Assert.Equal("planner", history[^1].ChangedBy);
        Assert.Equal(0.4, (await TargetAsync(district, light)).Level);
    }

    [Fact]
    public async Task The_neighbours_of_a_failed_light_on_its_street_are_raised_and_no_other()
    {
        var failing = $"l-{Guid.NewGuid():N}"[..12];
        var acrossTheStreet = $"l-{Guid.NewGuid():N}"[..12];
        var roundTheCorner = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((failing, "ab"), (acrossTheStreet, "ba"), (roundTheCorner, "bc"));

        // Three readings drawing 30 W where 51 W are expected at half level confirm a defective lamp.
        for (var i = 0; i < 3; i++)
            await fixture.Client.GetGrain<IStreetlightGrain>(failing).Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 30, 2, false));

        await Eventually.HoldsAsync(async () => (await TargetAsync(district, acrossTheStreet)).Reason == "neighbourFailed");
        Assert.Equal(1.0, (await TargetAsync(district, acrossTheStreet)).Level);
        Assert.Equal((0.5, "noActivity"), ((await TargetAsync(district, roundTheCorner)).Level, (await TargetAsync(district, roundTheCorner)).Reason));
        Assert.Equal(1, (await District(district).GetPicture()).LightsFailed);
        Assert.Equal("lampDefective", Assert.Single(await District(district).ListAlerts(false)).Type);
    }

    [Fact]
    public async Task Energy_and_cost_per_day_follow_the_reported_draw_against_the_always_on_baseline()
    {
        var first = $"l-{Guid.NewGuid():N}"[..12];
        var second = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((first, "ab"), (second, "bc"));
        await fixture.Client.GetGrain<IStreetlightGrain>(first).Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 51, 2, false));
        await fixture.Client.GetGrain<IStreetlightGrain>(second).Report(fixture.Stamp(), new StreetlightTelemetry(LightPowerState.Low, 0.5, 51, 2, false));
        await Eventually.HoldsAsync(async () => Math.Abs((await District(district).GetPicture()).LightsWatts - 102) < 1e-6);
        await District(district).EvaluateLighting();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fixture.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        var before = (await District(district).GetEnergy(date, date)).SingleOrDefault();

        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        await District(district).EvaluateLighting();

        var day = Assert.Single(await District(district).GetEnergy(date, date));
        // Half an hour at 102 W against two 100 W lamps at full (0.25 EUR/kWh by default).
        Assert.Equal(0.051, day.UsedKwh - (before?.UsedKwh ?? 0), 6);
        Assert.Equal(0.1, day.BaselineKwh - (before?.BaselineKwh ?? 0), 6);
        Assert.Equal(0.01275m, day.UsedCost - (before?.UsedCost ?? 0));
        Assert.Equal("EUR", day.Currency);
    }

    [Fact]
    public async Task Traffic_at_an_adjacent_intersection_raises_the_lights_of_its_streets_only()
    {
        var onTheBusyStreet = $"l-{Guid.NewGuid():N}"[..12];
        var elsewhere = $"l-{Guid.NewGuid():N}"[..12];
        var district = await DistrictWithLightsAsync((onTheBusyStreet, "ab"), (elsewhere, "bc"));
        var junction = $"{district}-a";
        var intersection = fixture.Client.GetGrain<IIntersectionGrain>(junction);
        var provisioned = await intersection.Provision(new AssetProvision(
            junction, AssetKind.Intersection, district, new GeoPoint(52.370, 4.890), $"c-{junction}", Intersections.Crossroads.Spec()));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));

        await intersection.Report(fixture.Stamp(), new IntersectionTelemetry([new ApproachTelemetry("north", 200, 0.05, 45, 0)]));
        await Eventually.HoldsAsync(async () => (await District(district).GetPicture()).IntersectionsByCongestion.Count == 1);
        Assert.Equal("noActivity", (await TargetAsync(district, onTheBusyStreet)).Reason);

        // 650 veh/h is over the policy's low-traffic limit (300): the street a–b goes up to the traffic level.
        await intersection.Report(fixture.Stamp(), new IntersectionTelemetry([new ApproachTelemetry("north", 650, 0.05, 45, 0)]));
        await Eventually.HoldsAsync(async () => (await TargetAsync(district, onTheBusyStreet)).Reason == "traffic");
        Assert.Equal(0.75, (await TargetAsync(district, onTheBusyStreet)).Level);
        Assert.Equal((0.5, "noActivity"), ((await TargetAsync(district, elsewhere)).Level, (await TargetAsync(district, elsewhere)).Reason));
    }

    private static (double, string, string?) Target(LightTargetView view) => (view.Level, view.Reason, view.OverrideId);

    private static double Level(DownlinkCommand command) =>
        (double)command.Body.GetType().GetProperty("IlluminanceLevel")!.GetValue(command.Body)!;
}
