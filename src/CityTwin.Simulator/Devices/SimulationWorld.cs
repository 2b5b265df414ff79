using CityTwin.Domain.Common;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// Every device model of a city and what they share: the environment, the road network, the journal of
/// events. Trucks get fixed daily rounds here: each district's bins split into contiguous sectors around
/// its centre, one per truck, ordered nearest first.
/// </summary>
public sealed class SimulationWorld
{
    public SimulationWorld(SimulatedCity city, Func<AssetKind, TimeSpan>? intervals = null)
    {
        City = city;
        Seed = city.Seed;
        Environment = new CityEnvironment(city.Seed);
        Roads = new RoadGraph(city);
        Assets = city.Assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        intervals ??= DefaultInterval;
        var models = new List<DeviceModel>(city.Assets.Count);
        var truckIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var fleets = city.Assets.Where(a => a.Kind == AssetKind.Truck).GroupBy(a => a.DistrictId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var asset in city.Assets)
        {
            var interval = intervals(asset.Kind);
            models.Add(asset.Kind switch
            {
                AssetKind.Bin => new BinModel(asset, this, interval),
                AssetKind.Streetlight => new StreetlightModel(asset, this, interval),
                AssetKind.Intersection => new IntersectionModel(asset, this, interval),
                AssetKind.AirQuality => new AirQualityModel(asset, this, interval),
                AssetKind.Truck => new TruckModel(asset, this, interval, NextTruck(asset.DistrictId), fleets[asset.DistrictId]),
                _ => throw new ArgumentOutOfRangeException(nameof(city), asset.Kind, "a kind without a device model"),
            });
        }
        Models = models;
        Bins = models.OfType<BinModel>().ToDictionary(b => b.Asset.Id, StringComparer.Ordinal);
        AssignRounds();

        int NextTruck(string districtId) => truckIndex[districtId] = truckIndex.GetValueOrDefault(districtId, -1) + 1;
    }

    public SimulatedCity City { get; }

    public int Seed { get; }

    public CityEnvironment Environment { get; }

    public RoadGraph Roads { get; }

    public SimulationJournal Journal { get; } = new();

    public IReadOnlyDictionary<string, CityAsset> Assets { get; }

    public IReadOnlyList<DeviceModel> Models { get; }

    public IReadOnlyDictionary<string, BinModel> Bins { get; }

    public static TimeSpan DefaultInterval(AssetKind kind) => kind switch
    {
        AssetKind.Bin => BinModel.DefaultInterval,
        AssetKind.Streetlight => StreetlightModel.DefaultInterval,
        AssetKind.Intersection => IntersectionModel.DefaultInterval,
        AssetKind.AirQuality => AirQualityModel.DefaultInterval,
        AssetKind.Truck => TruckModel.DefaultInterval,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private void AssignRounds()
    {
        foreach (var district in City.Districts)
        {
            var trucks = Models.OfType<TruckModel>().Where(t => t.Asset.DistrictId == district.Id).ToList();
            if (trucks.Count == 0)
                continue;
            var bins = Bins.Values.Where(b => b.Asset.DistrictId == district.Id)
                .OrderBy(b => Math.Atan2(b.Asset.Latitude - district.Latitude, b.Asset.Longitude - district.Longitude))
                .ThenBy(b => b.Asset.Id, StringComparer.Ordinal)
                .ToList();
            for (var t = 0; t < trucks.Count; t++)
            {
                var sector = bins.Skip(bins.Count * t / trucks.Count).Take(bins.Count * (t + 1) / trucks.Count - bins.Count * t / trucks.Count).ToList();
                trucks[t].AssignRound(NearestFirst(sector, trucks[t].Latitude, trucks[t].Longitude));
            }
        }
    }

    private static List<string> NearestFirst(List<BinModel> bins, double latitude, double longitude)
    {
        var order = new List<string>(bins.Count);
        var left = new List<BinModel>(bins);
        while (left.Count > 0)
        {
            var next = left.MinBy(b => GeoDistance.HaversineMetres(latitude, longitude, b.Asset.Latitude, b.Asset.Longitude))!;
            left.Remove(next);
            order.Add(next.Asset.Id);
            (latitude, longitude) = (next.Asset.Latitude, next.Asset.Longitude);
        }
        return order;
    }
}
