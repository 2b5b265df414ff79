using System.Diagnostics;
using System.Net;
using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;
using CityTwin.Host.Configuration;
using CityTwin.Host.Demo;
using CityTwin.Host.Hosting;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Simulator.Inventory;
using CityTwin.Simulator.Observation;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Integration.Tests.Demo;

/// <summary>The host with --demo, in this process: it provisions its own small city and drives it over its embedded broker.</summary>
public sealed class DemoHostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(50);

    [Fact]
    public async Task A_demo_host_provisions_its_city_and_every_kind_of_twin_hears_its_devices_within_a_minute()
    {
        using var directory = new TempDirectory();
        var dataDirectory = directory.Combine("demo");
        var ports = HostPorts.Free();
        string[] args =
        [
            "--demo", "--demo-assets", "300", "--demo-seed", "4", "--demo-time-factor", "60", "--demo-start", "06:58",
            "--demo-data", dataDirectory, .. ports.Arguments,
        ];
        await using var host = await DemoMode.CreateHostAsync(args);
        await host.StartAsync();
        try
        {
            var demo = host.Services.GetRequiredService<DemoCity>();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var city = demo.City;
            Assert.True(File.Exists(Path.Combine(dataDirectory, "citytwin.db")), "the demo keeps its data in its own directory");

            var waited = Stopwatch.StartNew();
            Dictionary<AssetKind, (int Heard, long Applied, long Rejected)> byKind = [];
            while (waited.Elapsed < Patience)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                var statuses = await Task.WhenAll(city.Assets.Select(a => Twin(grains, a.Kind, a.Id).GetStatus()));
                byKind = statuses.GroupBy(s => s.Kind).ToDictionary(g => g.Key,
                    g => (g.Count(s => s.LastHeardAt is not null), g.Sum(s => s.Readings.Applied), g.Sum(s => s.Readings.Rejected)));
                if (Enum.GetValues<AssetKind>().All(k => byKind.TryGetValue(k, out var seen) && seen.Heard == city.Count(k)))
                    break;
            }
            output.WriteLine($"after {waited.Elapsed.TotalSeconds:0} s: {string.Join(", ", byKind.Select(k => $"{k.Key} heard {k.Value.Heard}/{city.Count(k.Key)} applied {k.Value.Applied} rejected {k.Value.Rejected}"))}");
            foreach (var kind in Enum.GetValues<AssetKind>())
            {
                Assert.Equal(city.Count(kind), byKind[kind].Heard);
                Assert.Equal(0, byKind[kind].Rejected);
            }

            // The twins run on the demo's clock: readings stamped hours away from the real time were accepted.
            var picture = await TwinPicture.TakeAsync(grains, city);
            output.WriteLine(picture.ToString());
            var bin = await grains.GetGrain<IBinGrain>(city.Assets.First(a => a.Kind == AssetKind.Bin).Id).GetTwin();
            Assert.InRange(bin!.LastReadingAt!.Value, demo.Clock.Start, demo.Clock.GetUtcNow());
            Assert.NotNull(picture.MeanFillLevel);
            Assert.True(picture.TrucksDriven > 0, "a truck is out on its morning round");

            // An operations team's first day is done: a dimming policy and collection windows in every district.
            foreach (var district in city.Districts)
            {
                Assert.Equal(DemoOperations.SetBy, (await grains.GetGrain<IDistrictGrain>(district.Id).GetDimmingPolicy()).ChangedBy);
                Assert.Equal(DemoOperations.Windows, (await grains.GetGrain<ICollectionPlannerGrain>(district.Id).GetSettings())!.Windows);
            }

            // The 07:30 window is planned at 07:00 city time, two real seconds in (its timer runs at the demo's pace):
            // the plan reaches the trucks, whose twins follow it.
            var planner = grains.GetGrain<ICollectionPlannerGrain>(city.Districts[0].Id);
            var trucks = city.Assets.Where(a => a.Kind == AssetKind.Truck).Select(a => grains.GetGrain<ITruckGrain>(a.Id)).ToList();
            // Re-plans may follow each other (a truck out on its fixed round is far from where the plan assumed it):
            // any plan the planner made counts, as long as a truck drives it.
            CollectionPlanView? plan = null;
            var planIds = new HashSet<string>(StringComparer.Ordinal);
            await Eventually.HoldsAsync(async () =>
            {
                if ((plan = await planner.GetPlan()) is not null)
                    planIds.Add(plan.PlanId);
                return (await Task.WhenAll(trucks.Select(t => t.GetTwin()))).Any(t => t?.Route?.PlanId is { } id && planIds.Contains(id));
            }, Patience, "a collection plan reached a truck");
            output.WriteLine($"plan {plan!.PlanId} ({plan.Reason}) for {plan.WindowStart:HH:mm}: {plan.Routes.Count} routes");

            // The key the demo printed signs in to the API; nothing else does.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Http}") };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/districts")).StatusCode);
            http.DefaultRequestHeaders.Add("X-Api-Key", demo.SignInKey);
            var districts = await http.GetAsync("/api/v1/districts");
            Assert.Equal(HttpStatusCode.OK, districts.StatusCode);
            Assert.Contains(city.Districts[0].Id, await districts.Content.ReadAsStringAsync());

            // The same city as CSV reads as unchanged by the real import: both formats say the same.
            var report = await grains.GetGrain<IInventoryImportGrain>(InventoryImport.Key).Import(ImportFormat.Csv, InventoryWriter.ToCsv(city));
            Assert.Empty(report.Problems);
            Assert.Equal(city.Assets.Count, report.AssetsUnchanged);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Without_demo_the_host_creates_no_city()
    {
        using var directory = new TempDirectory();
        await using var host = await CityTwinHost.CreateAsync([.. HostPorts.Free().Arguments, $"--Storage:DataDirectory={directory.Combine("data")}"]);
        await host.StartAsync();
        try
        {
            Assert.Null(host.Services.GetService<DemoCity>());
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Empty(await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_demo_never_empties_a_directory_that_is_not_its_own()
    {
        using var directory = new TempDirectory();
        var precious = directory.Combine("citytwin.db");
        await File.WriteAllTextAsync(precious, "a real city");
        var refusal = await Assert.ThrowsAsync<ConfigurationException>(() => DemoMode.CreateHostAsync(["--demo", "--demo-data", directory.Path]));
        Assert.Equal("--demo-data", refusal.Setting);
        Assert.Equal("a real city", await File.ReadAllTextAsync(precious));
    }

    [Theory]
    [InlineData("--demo-assets", "5")]
    [InlineData("--demo-time-factor", "fast")]
    [InlineData("--demo-start", "25:00")]
    public async Task A_demo_flag_that_cannot_be_used_is_named(string flag, string value)
    {
        var refusal = await Assert.ThrowsAsync<ConfigurationException>(() => DemoMode.CreateHostAsync(["--demo", flag, value]));
        Assert.Equal(flag, refusal.Setting);
    }

    private static IAssetTwinGrain Twin(IGrainFactory grains, AssetKind kind, string id) => kind switch
    {
        AssetKind.Bin => grains.GetGrain<IBinGrain>(id),
        AssetKind.Streetlight => grains.GetGrain<IStreetlightGrain>(id),
        AssetKind.Intersection => grains.GetGrain<IIntersectionGrain>(id),
        AssetKind.Truck => grains.GetGrain<ITruckGrain>(id),
        AssetKind.AirQuality => grains.GetGrain<IAirQualityGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
