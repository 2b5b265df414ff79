using System.Diagnostics;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;
using CityTwin.Host.Demo;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Simulator.Devices;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Integration.Tests.Demo;

/// <summary>
/// The host's commands reach the simulated devices over MQTT and come back as what the devices report:
/// a truck drives a planned route and the twin's progress follows its lifts; a light dims and its power follows.
/// </summary>
public sealed class DemoCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_truck_drives_its_planned_route_and_lights_burn_at_the_commanded_level()
    {
        using var directory = new TempDirectory();
        // 03:00 local: every truck parked until its shift, so only the plan can send one out; lights burn at night.
        string[] args =
        [
            "--demo", "--demo-assets", "300", "--demo-seed", "4", "--demo-time-factor", "60", "--demo-start", "03:00",
            "--demo-data", directory.Combine("demo"), .. HostPorts.Free().Arguments,
        ];
        await using var host = await DemoMode.CreateHostAsync(args);
        await host.StartAsync();
        try
        {
            var demo = host.Services.GetRequiredService<DemoCity>();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var truckModel = demo.World.Models.OfType<TruckModel>().First();
            var truck = grains.GetGrain<ITruckGrain>(truckModel.Asset.Id);
            // Healthy lamps (the simulator's hidden truth, known to the test only): one behind a gateway, one on its own.
            var lights = demo.World.Models.OfType<StreetlightModel>().Where(l => l.Failure == StreetlightModel.LampFailure.None)
                .GroupBy(l => l.Asset.GatewayId is null).Select(g => g.First()).ToList();
            Assert.Equal(2, lights.Count);
            await WaitUntil("the truck and the lights are heard", async () =>
                (await truck.GetTwin())?.LastReadingAt is not null
                && (await Task.WhenAll(lights.Select(l => grains.GetGrain<IStreetlightGrain>(l.Asset.Id).GetTwin()))).All(t => t?.LastReadingAt is not null));

            // Bins from another truck's round, farthest first: neither the truck's own round nor nearness would pick this order.
            var other = demo.World.Models.OfType<TruckModel>().First(t => t != truckModel && t.Asset.DistrictId == truckModel.Asset.DistrictId);
            var bins = other.Round.Take(3).Reverse().Select(id => demo.World.Assets[id]).ToList();
            var assigned = await truck.AssignRoute(new RouteAssignmentContract("plan-test",
                [.. bins.Select(b => new RouteStopContract(b.Id, new GeoPoint(b.Latitude, b.Longitude)))]));
            Assert.True(assigned.Accepted, string.Join("; ", assigned.Errors.Select(e => $"{e.Field}: {e.Message}")));
            // The demo runs its districts' dimming policy, so a level for one light is an operator's override.
            foreach (var light in lights)
            {
                var now = demo.Clock.GetUtcNow();
                var overridden = await grains.GetGrain<IDistrictGrain>(light.Asset.DistrictId).SetLightingOverride(
                    new LightingOverrideRequest($"test-{light.Asset.Id}", light.Asset.Id, 0.3, now, now.AddHours(12), "test", "the test's level"));
                Assert.True(overridden.Accepted, string.Join("; ", overridden.Errors.Select(e => $"{e.Field}: {e.Message}")));
            }

            // Progress advances stop by stop in the plan's order: what is completed is always a prefix of the route.
            var progressSeen = new List<int>();
            TruckTwin? twin = null;
            await WaitUntil("the route is completed", async () =>
            {
                twin = await truck.GetTwin();
                var route = twin!.Route!;
                Assert.Equal("plan-test", route.PlanId);
                var completed = route.Stops.Select(s => s.Completed).ToList();
                Assert.Equal(completed.OrderByDescending(c => c), completed);
                if (progressSeen.LastOrDefault(-1) != route.CompletedStops)
                    progressSeen.Add(route.CompletedStops);
                return route.CompletedAt is not null;
            });
            output.WriteLine($"route progress seen: {string.Join(" -> ", progressSeen)}; truck {twin!.ServiceStatus}, {twin.CargoWeight} kg");
            Assert.Equal(bins.Count, twin.Route!.CompletedStops);
            Assert.True(progressSeen.Count >= 2, "progress was seen before the route was done");
            Assert.True(twin.CargoWeight > 0);
            foreach (var bin in bins)
            {
                var binTwin = await grains.GetGrain<IBinGrain>(bin.Id).GetTwin();
                Assert.NotNull(binTwin!.DateLastEmptying);
                Assert.InRange(binTwin.DateLastEmptying.Value, demo.Clock.Start, demo.Clock.GetUtcNow());
            }

            foreach (var light in lights)
            {
                var lightGrain = grains.GetGrain<IStreetlightGrain>(light.Asset.Id);
                StreetlightTwin? lightTwin = null;
                await WaitUntil($"{light.Asset.Id} confirms the level", async () => (lightTwin = await lightGrain.GetTwin())!.DesiredLevelConfirmed);
                var expectedWatts = 0.5 + light.Asset.Parameters.RatedPowerWatts!.Value * 0.3;
                output.WriteLine($"{light.Asset.Id} (gateway {light.Asset.GatewayId ?? "none"}): level {lightTwin!.IlluminanceLevel}, {lightTwin.PowerConsumption} W (expected about {expectedWatts:0.0})");
                Assert.Equal(0.3, lightTwin.IlluminanceLevel);
                Assert.Equal(LightPowerState.Low, lightTwin.PowerState);
                Assert.InRange(lightTwin.PowerConsumption!.Value, expectedWatts * 0.95, expectedWatts * 1.05);
            }

            // At 03:00 the policy the demo set has the district command the other lights too (dimmed, or full for people).
            var targets = await grains.GetGrain<IDistrictGrain>(truckModel.Asset.DistrictId).GetLightTargets();
            var commandedByPolicy = targets.Count(t => t.OverrideId is null && t.CommandedLevel is not null);
            output.WriteLine($"{commandedByPolicy} of {targets.Count} lights commanded by the policy");
            Assert.True(commandedByPolicy > 0, "the district dims the demo's lights by its policy");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task WaitUntil(string what, Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
                throw new TimeoutException($"waited {Patience.TotalSeconds:0} s for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
