using System.Buffers;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Trucks;
using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Mqtt;

namespace CityTwin.Simulator.Tests;

/// <summary>The devices' physics, read through the payloads they put on the wire.</summary>
public sealed class DeviceModelTests
{
    private static readonly SimulatedCity City = CityGenerator.Generate(new CityOptions { Seed = 21, Assets = 1_000 });

    private static TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(City.Districts[0].TimeZone);

    /// <summary>A local wall-clock time in the city on a Tuesday.</summary>
    private static DateTimeOffset Local(int hour, int minute = 0, int day = 8)
    {
        var local = new DateTime(2026, 12, day, hour, minute, 0);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    [Fact]
    public void Every_reading_parses_as_the_ingestion_parses_it_with_a_growing_sequence()
    {
        var world = new SimulationWorld(City);
        foreach (var model in world.Models)
        {
            var first = Parse(model, Local(8));
            var second = Parse(model, Local(8, 15));
            Assert.Equal(first.Stamp.BootEpoch, second.Stamp.BootEpoch);
            Assert.Equal(first.Stamp.Sequence + 1, second.Stamp.Sequence);
            Assert.True(second.Stamp.DeviceTime > first.Stamp.DeviceTime);
        }
    }

    [Fact]
    public void A_reboot_starts_a_new_boot_epoch_and_sequence()
    {
        var model = new SimulationWorld(City).Models.First(m => m.Asset.Kind == AssetKind.Streetlight);
        var before = Parse(model, Local(20));
        Parse(model, Local(20, 5));
        model.Boot(Local(20, 6));
        var after = Parse(model, Local(20, 10));
        Assert.True(after.Stamp.BootEpoch > before.Stamp.BootEpoch);
        Assert.Equal(0, after.Stamp.Sequence);
    }

    [Fact]
    public void A_gateway_batch_parses_with_nothing_refused()
    {
        var world = new SimulationWorld(City);
        var gateway = City.Gateways[0];
        var models = gateway.AssetIds.Select(id => world.Models.First(m => m.Asset.Id == id)).ToList();
        var payload = PayloadWriter.Batch(models.Select(m => (m.Asset.Id, m.Read(Local(9)))));
        var parsed = PayloadParser.ParseBatch(new ReadOnlySequence<byte>(payload), id => world.Assets.TryGetValue(id, out var a) && a.GatewayId == gateway.Id ? a.Kind : null);
        Assert.Null(parsed.BatchError);
        Assert.Empty(parsed.Refused);
        Assert.Equal(models.Count, parsed.Readings.Count);
    }

    [Fact]
    public void Bins_fill_faster_by_day_than_by_night_and_a_lift_empties_them()
    {
        var world = new SimulationWorld(City);
        var bin = world.Bins.Values.First();
        Assert.True(bin.FillRate(Local(13)) > 2 * bin.FillRate(Local(3)));

        var levels = new List<double>();
        for (var t = Local(0); t < Local(0, day: 9); t += TimeSpan.FromMinutes(15))
        {
            var message = (BinMessage)bin.Read(t);
            levels.Add(message.DistanceCm!.Value);
        }
        Assert.True(bin.FillLevel > 0);
        var lifted = bin.Collect("c-test-1");
        Assert.True(lifted > 0);
        var after = (BinMessage)bin.Read(Local(0, 15, day: 9));
        Assert.Equal("c-test-1", after.CollectionId);
        Assert.True(bin.Failure != BinModel.SensorFailure.None || after.DistanceCm > bin.Asset.Parameters.DepthCm * 0.9, $"distance {after.DistanceCm} after emptying");
        Assert.Null(((BinMessage)bin.Read(Local(0, 30, day: 9))).CollectionId);
    }

    [Fact]
    public void Wet_weather_breaks_some_bin_sensors_and_a_broken_sensor_lies()
    {
        var world = new SimulationWorld(City);
        var dry = FirstTime(t => !world.Environment.IsWet(t) && !world.Environment.IsWet(t + TimeSpan.FromHours(1)));
        var wet = FirstTime(t => t > dry && world.Environment.IsWet(t));
        foreach (var bin in world.Bins.Values)
            bin.Read(dry);
        var brokenWhenDry = world.Bins.Values.Count(b => b.Failure != BinModel.SensorFailure.None);
        foreach (var bin in world.Bins.Values)
            bin.Read(wet);
        var brokenWhenWet = world.Bins.Values.Count(b => b.Failure != BinModel.SensorFailure.None);
        Assert.True(brokenWhenWet > brokenWhenDry, $"{brokenWhenDry} broken when dry, {brokenWhenWet} when wet");

        var erratic = world.Bins.Values.First(b => b.Failure == BinModel.SensorFailure.Erratic);
        var distances = Enumerable.Range(1, 4).Select(i => ((BinMessage)erratic.Read(wet + TimeSpan.FromMinutes(15 * i))).DistanceCm!.Value).ToList();
        Assert.All(distances.Zip(distances.Skip(1)), pair => Assert.True(Math.Abs(pair.First - pair.Second) > erratic.Asset.Parameters.DepthCm * 0.5));

        static DateTimeOffset FirstTime(Func<DateTimeOffset, bool> condition)
        {
            for (var t = Local(0); t < Local(0).AddDays(60); t += TimeSpan.FromMinutes(30))
            {
                if (condition(t))
                    return t;
            }
            throw new InvalidOperationException("no such weather in 60 days");
        }
    }

    [Fact]
    public void Lights_burn_at_night_draw_standby_by_day_and_a_dead_lamp_shows_in_its_power()
    {
        var world = new SimulationWorld(City);
        var lights = world.Models.OfType<StreetlightModel>().ToList();
        foreach (var light in lights)
        {
            var rated = light.Asset.Parameters.RatedPowerWatts!.Value;
            var night = (StreetlightMessage)light.Read(Local(1));
            Assert.True(night.IlluminanceLevel >= 0.5);
            var expected = 0.5 + rated * night.IlluminanceLevel!.Value;
            if (light.Failure == StreetlightModel.LampFailure.None)
                Assert.InRange(night.PowerConsumption!.Value, expected * 0.95, expected * 1.05);
            else
                Assert.True(night.PowerConsumption < expected * 0.5);
            var noon = (StreetlightMessage)light.Read(Local(12, 30));
            Assert.Equal(0, noon.IlluminanceLevel);
            Assert.True(noon.PowerConsumption <= 0.5);
        }
        Assert.Contains(lights, l => l.Failure != StreetlightModel.LampFailure.None);
        Assert.True(CityEnvironment.PedestriansPerHour(Local(23, day: 12)) > 2 * CityEnvironment.PedestriansPerHour(Local(3)));
    }

    [Fact]
    public void Intersections_report_every_approach_with_a_morning_rush()
    {
        var world = new SimulationWorld(City);
        var intersections = world.Models.OfType<IntersectionModel>().ToList();
        double Total(DateTimeOffset at) => intersections.Sum(i => ((IntersectionMessage)i.Read(at)).Approaches!.Sum(a => a.Intensity!.Value));
        var night = Total(Local(3));
        var rush = Total(Local(8));
        Assert.True(rush > 3 * night, $"{rush} vehicles/h at 08:00, {night} at 03:00");
        foreach (var intersection in intersections)
        {
            var message = (IntersectionMessage)intersection.Read(Local(8, 1));
            Assert.Equal(world.Roads.Into(intersection.Asset.Id).Select(s => s.Id).Order(), message.Approaches!.Select(a => a.ApproachId).Order());
            Assert.Equal(world.Roads.OutOf(intersection.Asset.Id).Select(s => s.Id).Order(), message.TravelTimes!.Select(t => t.SegmentId).Order());
        }
    }

    [Fact]
    public void Air_follows_traffic()
    {
        var world = new SimulationWorld(City);
        var stations = world.Models.OfType<AirQualityModel>().Where(s => s.Asset.Parameters.Pollutants!.Contains("no2")).ToList();
        var night = stations.Average(s => ((AirQualityMessage)s.Read(Local(3))).No2!.Value);
        var rush = stations.Average(s => ((AirQualityMessage)s.Read(Local(8))).No2!.Value);
        Assert.True(rush > 1.5 * night, $"NO2 {rush} at 08:00, {night} at 03:00");
    }

    [Fact]
    public void Trucks_leave_on_schedule_drive_the_streets_lift_their_bins_and_park()
    {
        var world = new SimulationWorld(City);
        var truck = world.Models.OfType<TruckModel>().First();
        var depot = (truck.Latitude, truck.Longitude);
        var statuses = new HashSet<TruckServiceStatus>();
        var lifted = new List<string>();
        var positions = new HashSet<(double, double)>();
        for (var t = Local(4); t < Local(23); t += TimeSpan.FromSeconds(30))
        {
            var message = (TruckMessage)truck.Read(t);
            statuses.Add(message.ServiceStatus!.Value);
            positions.Add((message.Location!.Latitude!.Value, message.Location.Longitude!.Value));
            Assert.InRange(message.CargoWeight!.Value, 0, truck.Asset.Parameters.CapacityKg!.Value);
            Assert.InRange(message.Speed!.Value, 0, 60);
            if (message.Collection is { } collection)
                lifted.Add(collection.BinId!);
        }
        Assert.Contains(TruckServiceStatus.OnRoute, statuses);
        Assert.True(positions.Count > 30, $"{positions.Count} positions");
        Assert.NotEmpty(lifted);
        Assert.Equal(lifted.Count, lifted.Distinct().Count());
        // Its round is its share of the district's bins, every one lifted once.
        Assert.Equal(world.Bins.Count / world.Models.OfType<TruckModel>().Count(), lifted.Count);
        Assert.Equal(TruckServiceStatus.Parked, truck.Status);
        Assert.Equal(depot, (truck.Latitude, truck.Longitude));
    }

    private static ParsedReading Parse(DeviceModel model, DateTimeOffset at)
    {
        var (reading, errors) = PayloadParser.ParseSingle(model.Asset.Kind, model.Asset.Id, new ReadOnlySequence<byte>(PayloadWriter.Single(model.Read(at))));
        Assert.True(reading is not null, $"{model.Asset.Id}: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return reading;
    }
}
