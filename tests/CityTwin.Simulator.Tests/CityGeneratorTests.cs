using CityTwin.Contracts.Assets;
using CityTwin.Domain.Common;
using CityTwin.Domain.Inventory;
using CityTwin.Routing.Collection;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Inventory;

namespace CityTwin.Simulator.Tests;

public sealed class CityGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_city()
    {
        var options = new CityOptions { Seed = 42, Assets = 2_000, Districts = 2 };
        Assert.Equal(InventoryWriter.ToGeoJson(CityGenerator.Generate(options)), InventoryWriter.ToGeoJson(CityGenerator.Generate(options)));
    }

    [Fact]
    public void Different_seeds_give_different_cities()
    {
        var inventories = Enumerable.Range(1, 5)
            .Select(seed => InventoryWriter.ToGeoJson(CityGenerator.Generate(new CityOptions { Seed = seed, Assets = 500 })))
            .ToList();
        Assert.Equal(inventories.Count, inventories.Distinct().Count());
        var places = Enumerable.Range(1, 20).Select(seed => CityGenerator.Generate(new CityOptions { Seed = seed, Assets = 50 }).Name).Distinct().Count();
        Assert.True(places >= 3, $"20 seeds chose only {places} places");
    }

    [Fact]
    public void The_city_follows_the_mix_exactly()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 3, Assets = 10_000, Districts = 4 });
        Assert.Equal(10_000, city.Assets.Count);
        Assert.Equal(6_000, city.Count(AssetKind.Streetlight));
        Assert.Equal(3_000, city.Count(AssetKind.Bin));
        Assert.Equal(500, city.Count(AssetKind.AirQuality));
        Assert.Equal(400, city.Count(AssetKind.Intersection));
        Assert.Equal(100, city.Count(AssetKind.Truck));
        Assert.All(city.Districts, d => Assert.Equal(2_500, city.Assets.Count(a => a.DistrictId == d.Id)));
    }

    [Fact]
    public void Ids_are_slugs_and_unique_and_every_road_joins_two_intersections_of_its_district()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 9, Assets = 3_000, Districts = 3 });
        var ids = city.Assets.Select(a => a.Id).Concat(city.Segments.Select(s => s.Id)).Concat(city.Gateways.Select(g => g.Id)).Concat(city.Districts.Select(d => d.Id)).ToList();
        Assert.All(ids, id => Assert.Null(Identifiers.Check("id", id)));
        Assert.All(city.DeviceIds, id => Assert.Null(Identifiers.Check("deviceId", id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var intersections = city.Intersections.ToDictionary(i => i.Id);
        Assert.All(city.Segments, s =>
        {
            Assert.Equal(s.DistrictId, intersections[s.FromId].DistrictId);
            Assert.Equal(s.DistrictId, intersections[s.ToId].DistrictId);
            Assert.NotEqual(s.FromId, s.ToId);
        });
        // Every intersection is an asset, and the grid is connected: each can reach every other of its district.
        var roads = new RoadGraph(city);
        foreach (var district in city.Districts)
        {
            var nodes = city.Intersections.Where(i => i.DistrictId == district.Id).ToList();
            Assert.All(nodes.Skip(1), n => Assert.NotEmpty(roads.Path(nodes[0].Id, n.Id)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(12)]
    public void Every_depot_is_near_enough_to_a_road_for_the_route_planner(int seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Assets = 3_000, Districts = 2 });
        var trucks = city.Assets.Where(a => a.Kind == AssetKind.Truck).ToList();
        Assert.NotEmpty(trucks);
        Assert.All(trucks, truck =>
        {
            var depot = truck.Parameters.Depot!.Value;
            var nearest = city.Segments.Where(s => s.DistrictId == truck.DistrictId)
                .Min(s => CollectionRoads.Project(new GeoCoordinate(depot.Latitude, depot.Longitude),
                    [.. s.Points.Select(p => new GeoCoordinate(p.Latitude, p.Longitude))]).DistanceMetres);
            Assert.InRange(nearest, 0, CollectionRoads.AttachDistanceMetres);
        });
    }

    [Fact]
    public void Gateways_speak_for_nearby_bins_and_lights_of_their_own_district()
    {
        var options = new CityOptions { Seed = 5, Assets = 3_000, GatewayShare = 0.9, AssetsPerGateway = 40 };
        var city = CityGenerator.Generate(options);
        var assets = city.Assets.ToDictionary(a => a.Id);
        Assert.NotEmpty(city.Gateways);
        foreach (var gateway in city.Gateways)
        {
            Assert.InRange(gateway.AssetIds.Count, 1, options.AssetsPerGateway);
            Assert.All(gateway.AssetIds, id =>
            {
                Assert.Equal(gateway.Id, assets[id].DeviceId);
                Assert.Equal(gateway.DistrictId, assets[id].DistrictId);
                Assert.Contains(assets[id].Kind, new[] { AssetKind.Bin, AssetKind.Streetlight });
            });
        }
        var viaGateway = city.Assets.Count(a => a.GatewayId is not null) / (double)(city.Count(AssetKind.Bin) + city.Count(AssetKind.Streetlight));
        Assert.InRange(viaGateway, 0.85, 0.95);
        Assert.All(city.Assets.Where(a => a.GatewayId is null), a => Assert.Equal($"dev-{a.Id}", a.DeviceId));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public void A_tiny_city_still_has_a_street_grid(int assets)
    {
        if (assets < 10)
        {
            Assert.Throws<ArgumentException>(() => CityGenerator.Generate(new CityOptions { Assets = assets }));
            return;
        }
        var city = CityGenerator.Generate(new CityOptions { Assets = assets });
        Assert.True(city.Intersections.Count >= 4);
        Assert.Equal(assets, city.Assets.Count);
    }
}
