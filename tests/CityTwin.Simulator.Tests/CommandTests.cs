using System.Text;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;
using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Commands;
using CityTwin.Simulator.Devices;

namespace CityTwin.Simulator.Tests;

/// <summary>What each command the host sends does to a device, read through the readings it then reports.</summary>
public sealed class CommandTests
{
    private static readonly SimulatedCity City = CityGenerator.Generate(new CityOptions { Seed = 21, Assets = 1_000 });

    private static TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(City.Districts[0].TimeZone);

    private static DateTimeOffset Local(int hour, int minute = 0, int day = 8)
    {
        var local = new DateTime(2026, 12, day, hour, minute, 0);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    [Fact]
    public void Commands_read_as_the_protocol_writes_them()
    {
        var (level, error) = Read("""{"command":"setLevel","assetId":"light-4","kind":"streetlight","illuminanceLevel":0.3,"issuedAt":"2026-12-08T18:00:00+00:00"}""", null);
        Assert.Null(error);
        Assert.Equal(new SetLevelCommand("light-4", new DateTimeOffset(2026, 12, 8, 18, 0, 0, TimeSpan.Zero), 0.3), level);

        var (route, _) = Read("""{"command":"assignRoute","assetId":"t-1","kind":"truck","planId":"p-9","issuedAt":"2026-12-08T05:00:00+00:00","stops":[{"binId":"b-1","latitude":41.4,"longitude":2.17,"done":false},{"binId":"b-2","latitude":41.5,"longitude":2.18,"done":true}]}""", "t-1");
        var assign = Assert.IsType<AssignRouteCommand>(route);
        Assert.Equal("p-9", assign.PlanId);
        Assert.Equal([new PlannedStop("b-1", 41.4, 2.17, false), new PlannedStop("b-2", 41.5, 2.18, true)], assign.Stops);

        var (release, _) = Read("""{"command":"releaseRoute","kind":"truck","planId":"p-9","issuedAt":"2026-12-08T06:00:00+00:00"}""", "t-1");
        Assert.Equal(new ReleaseRouteCommand("t-1", new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero), "p-9"), release);
    }

    [Theory]
    [InlineData("""{"command":"setLevel","assetId":"l","illuminanceLevel":1.5,"issuedAt":"2026-12-08T18:00:00Z"}""", "illuminanceLevel: 1.5 is outside 0..1")]
    [InlineData("""{"command":"setLevel","illuminanceLevel":0.5,"issuedAt":"2026-12-08T18:00:00Z"}""", "assetId: is required on a gateway's command topic")]
    [InlineData("""{"command":"assignRoute","assetId":"t","planId":"p","issuedAt":"2026-12-08T18:00:00Z","stops":[{"binId":"b","latitude":"41"}]}""", "stops[0].latitude: is not a number")]
    [InlineData("""{"command":"selfDestruct","assetId":"t","issuedAt":"2026-12-08T18:00:00Z"}""", "command: 'selfDestruct' is not a command this device knows")]
    [InlineData("""{"command":"releaseRoute","assetId":"t","planId":"p"}""", "issuedAt: is required")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public void A_command_that_cannot_be_obeyed_is_refused_with_the_field_named(string payload, string expected)
    {
        var (command, error) = Read(payload, null);
        Assert.Null(command);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_command_for_another_asset_on_a_device_topic_is_refused()
    {
        var (command, error) = Read("""{"command":"setLevel","assetId":"light-5","illuminanceLevel":0.5,"issuedAt":"2026-12-08T18:00:00Z"}""", "light-4");
        Assert.Null(command);
        Assert.StartsWith("assetId:", error);
    }

    [Fact]
    public void A_light_burns_at_the_commanded_level_day_and_night_and_its_power_follows()
    {
        var world = new SimulationWorld(City);
        var light = world.Models.OfType<StreetlightModel>().First(l => l.Failure == StreetlightModel.LampFailure.None);
        var rated = light.Asset.Parameters.RatedPowerWatts!.Value;
        light.Read(Local(21));
        Assert.True(light.Obey(new SetLevelCommand(light.Asset.Id, Local(21, 1), 0.3), Local(21, 1)).Applied);
        foreach (var at in new[] { Local(21, 5), Local(23, 30), Local(12, day: 9) })
        {
            var reading = (StreetlightMessage)light.Read(at);
            Assert.Equal(0.3, reading.IlluminanceLevel);
            Assert.Equal(LightPowerState.Low, reading.PowerState);
            Assert.InRange(reading.PowerConsumption!.Value, (0.5 + rated * 0.3) * 0.95, (0.5 + rated * 0.3) * 1.05);
            Assert.NotNull(reading.PresenceDetected);
        }

        // Off when told, and a late redelivery of an older command does not undo a newer one.
        Assert.True(light.Obey(new SetLevelCommand(light.Asset.Id, Local(7, day: 9), 0), Local(7, day: 9)).Applied);
        Assert.False(light.Obey(new SetLevelCommand(light.Asset.Id, Local(21, 1), 0.3), Local(7, 1, day: 9)).Applied);
        var off = (StreetlightMessage)light.Read(Local(13, day: 9));
        Assert.Equal(0, off.IlluminanceLevel);
        Assert.Equal(LightPowerState.Off, off.PowerState);
        Assert.True(off.PowerConsumption <= 0.5 * 1.05);
    }

    [Fact]
    public void A_planned_truck_leaves_at_once_lifts_the_planned_bins_in_order_then_parks_and_skips_its_round()
    {
        var (world, truck) = Truck();
        var depot = (truck.Latitude, truck.Longitude);
        var planned = PlannedBins(world, truck, 4);
        var command = Route(truck, "plan-1", Local(3), planned);

        // Before its shift: the fixed schedule would keep it parked, the plan sends it out.
        Assert.True(truck.Obey(command, Local(3)).Applied);
        var drive = Drive(truck, Local(3), Local(23));
        Assert.Equal(planned.Select(b => b.Asset.Id), drive.Lifted);
        Assert.All(planned, bin => Assert.InRange(bin.FillLevel, 0, 0.011));
        Assert.Contains(TruckServiceStatus.OnRoute, drive.Statuses);
        Assert.True(drive.MaxSpeed is > 0 and <= 60);
        Assert.Equal(TruckServiceStatus.Parked, truck.Status);
        Assert.Equal(depot, (truck.Latitude, truck.Longitude));
        Assert.False(truck.OnPlan);
    }

    [Fact]
    public void Stops_done_or_already_lifted_are_not_lifted_again_when_the_plan_is_resent()
    {
        var (world, truck) = Truck();
        var planned = PlannedBins(world, truck, 4);
        var marked = Route(truck, "plan-2", Local(3), planned) with
        {
            Stops = [.. planned.Select((b, i) => new PlannedStop(b.Asset.Id, b.Asset.Latitude, b.Asset.Longitude, Done: i == 0))],
        };
        truck.Obey(marked, Local(3));
        var first = new List<string>();
        var t = Local(3);
        for (; first.Count < 2; t += TimeSpan.FromSeconds(30))
            first.AddRange(Drive(truck, t, t + TimeSpan.FromSeconds(30)).Lifted);
        Assert.Equal(planned.Skip(1).Take(2).Select(b => b.Asset.Id), first);

        // The host resends the route (the truck came back online) before it heard of the second lift.
        Assert.True(truck.Obey(marked, t).Applied);
        var rest = Drive(truck, t, Local(23)).Lifted;
        Assert.Equal([planned[3].Asset.Id], rest);
    }

    [Fact]
    public void A_released_truck_goes_back_to_its_fixed_round()
    {
        var (world, truck) = Truck();
        var planned = PlannedBins(world, truck, 6);
        truck.Obey(Route(truck, "plan-3", Local(3), planned), Local(3));
        var t = Local(3);
        var lifted = new List<string>();
        for (; lifted.Count < 1; t += TimeSpan.FromSeconds(30))
            lifted.AddRange(Drive(truck, t, t + TimeSpan.FromSeconds(30)).Lifted);

        Assert.False(truck.Obey(new ReleaseRouteCommand(truck.Asset.Id, t, "another-plan"), t).Applied);
        Assert.True(truck.Obey(new ReleaseRouteCommand(truck.Asset.Id, t, "plan-3"), t).Applied);
        Assert.False(truck.OnPlan);
        var after = Drive(truck, t, Local(23)).Lifted;
        Assert.DoesNotContain(after, id => planned.Skip(1).Any(b => b.Asset.Id == id));
        Assert.Equal(truck.Round, after);
    }

    [Fact]
    public void Devices_without_commands_ignore_them_and_say_so()
    {
        var world = new SimulationWorld(City);
        var bin = world.Bins.Values.First();
        var journal = new List<string>();
        world.Journal.Happened += (_, what) => journal.Add(what);
        Assert.False(bin.Obey(new SetLevelCommand(bin.Asset.Id, Local(3), 0.5), Local(3)).Applied);
        var truck = world.Models.OfType<TruckModel>().First();
        Assert.False(truck.Obey(new SetLevelCommand(truck.Asset.Id, Local(3), 0.5), Local(3)).Applied);
        Assert.Equal(["command ignored: setLevel: a bin takes no commands", "command ignored: setLevel: a truck takes only assignRoute and releaseRoute"], journal);
    }

    private static (DeviceCommand? Command, string? Error) Read(string json, string? deviceAsset) => CommandReader.Read(Encoding.UTF8.GetBytes(json), deviceAsset);

    private static (SimulationWorld World, TruckModel Truck) Truck()
    {
        var world = new SimulationWorld(City);
        return (world, world.Models.OfType<TruckModel>().First());
    }

    /// <summary>Bins of another truck's round, so nothing but the plan could send this truck to them; farthest first, to show the plan's order wins.</summary>
    private static List<BinModel> PlannedBins(SimulationWorld world, TruckModel truck, int count)
    {
        var other = world.Models.OfType<TruckModel>().First(t => t != truck && t.Asset.DistrictId == truck.Asset.DistrictId);
        return [.. other.Round.Take(count).Select(id => world.Bins[id]).Reverse()];
    }

    private static AssignRouteCommand Route(TruckModel truck, string planId, DateTimeOffset at, IEnumerable<BinModel> bins) =>
        new(truck.Asset.Id, at, planId, [.. bins.Select(b => new PlannedStop(b.Asset.Id, b.Asset.Latitude, b.Asset.Longitude, false))]);

    private static (List<string> Lifted, HashSet<TruckServiceStatus> Statuses, double MaxSpeed) Drive(TruckModel truck, DateTimeOffset from, DateTimeOffset to)
    {
        var lifted = new List<string>();
        var statuses = new HashSet<TruckServiceStatus>();
        var maxSpeed = 0.0;
        for (var t = from + TimeSpan.FromSeconds(30); t <= to; t += TimeSpan.FromSeconds(30))
        {
            var message = (TruckMessage)truck.Read(t);
            statuses.Add(message.ServiceStatus!.Value);
            maxSpeed = Math.Max(maxSpeed, message.Speed!.Value);
            if (message.Collection is { } collection)
                lifted.Add(collection.BinId!);
        }
        return (lifted, statuses, maxSpeed);
    }
}
