using System.Globalization;
using CityTwin.Domain.Common;

namespace CityTwin.Simulator.City;

/// <summary>
/// Builds a city from a seed: each district a jittered, rotated street grid (every node an intersection,
/// every street two one-way segments, arterials faster and wider), streetlights and bins along the streets,
/// air-quality sensors near junctions, a truck depot at the district's edge, and gateways for groups of
/// nearby bins and lights. Pure: the same options give the same city.
/// </summary>
public static class CityGenerator
{
    private static readonly double[] BinLitres = [120, 240, 660, 1100];
    private static readonly double[] BinDepthCm = [90, 110, 120, 140];
    private static readonly double[] BinMaxLoadKg = [60, 110, 300, 500];
    private static readonly double[] LampWatts = [40, 60, 90, 120];
    private static readonly string[][] PollutantSets = [["pm25", "pm10", "no2", "o3"], ["pm25", "pm10", "no2"], ["pm25", "no2"]];

    public static SimulatedCity Generate(CityOptions options)
    {
        if (options.Validate() is [var first, ..])
            throw new ArgumentException(first, nameof(options));
        var random = new Random(options.Seed);
        var place = CityCatalogue.Places[random.Next(CityCatalogue.Places.Count)];
        var districts = new List<CityDistrict>();
        var intersections = new List<CityIntersection>();
        var segments = new List<CitySegment>();
        var assets = new List<CityAsset>();
        var gateways = new List<CityGateway>();
        for (var d = 0; d < options.Districts; d++)
        {
            var share = options.Assets / options.Districts + (d < options.Assets % options.Districts ? 1 : 0);
            // Districts side by side, three to a row, about 2.5 km apart.
            var centre = new LocalFrame(place.Latitude, place.Longitude).ToDegrees((d % 3 - 1) * 2_500.0, -(d / 3) * 2_500.0);
            var name = CityCatalogue.DistrictName(d);
            var district = new CityDistrict($"{place.Slug}-{name}", $"{place.Name} {CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' '))}",
                place.TimeZone, centre.Latitude, centre.Longitude);
            districts.Add(district);
            new DistrictBuilder(district, share, options, random, intersections, segments, assets, gateways).Build();
        }
        return new SimulatedCity(options.Seed, place.Name, districts, intersections, segments, assets, gateways);
    }

    /// <summary>Counts per kind by largest remainder, so they add up to the district's share exactly.</summary>
    internal static Dictionary<AssetKind, int> Split(int total, CityMix mix)
    {
        var kinds = Enum.GetValues<AssetKind>();
        var exact = kinds.ToDictionary(k => k, k => total * mix.Share(k));
        var counts = kinds.ToDictionary(k => k, k => (int)Math.Floor(exact[k]));
        foreach (var kind in kinds.OrderByDescending(k => exact[k] - counts[k]).ThenBy(k => k).Take(total - counts.Values.Sum()))
            counts[kind]++;
        // A street grid needs four corners; they come out of the streetlights.
        var missing = Math.Max(0, 4 - counts[AssetKind.Intersection]);
        counts[AssetKind.Intersection] += missing;
        var donor = kinds.OrderByDescending(k => counts[k]).First();
        counts[donor] -= missing;
        return counts;
    }

    private sealed class DistrictBuilder(
        CityDistrict district, int assetCount, CityOptions options, Random random,
        List<CityIntersection> intersections, List<CitySegment> segments, List<CityAsset> assets, List<CityGateway> gateways)
    {
        private readonly LocalFrame frame = new(district.Latitude, district.Longitude);
        private readonly List<(double East, double North)> nodes = [];
        private readonly List<string> nodeIds = [];
        private int segmentCount;
        private readonly List<(int A, int B)> streets = [];
        private readonly List<(CityAsset Asset, int Street)> gatewayCandidates = [];
        private double rotation;

        public void Build()
        {
            var counts = Split(assetCount, options.Mix);
            BuildGrid(counts[AssetKind.Intersection]);
            PlaceAlongStreets(AssetKind.Streetlight, counts[AssetKind.Streetlight]);
            PlaceAlongStreets(AssetKind.Bin, counts[AssetKind.Bin]);
            PlaceAirQuality(counts[AssetKind.AirQuality]);
            PlaceTrucks(counts[AssetKind.Truck]);
            GroupIntoGateways();
        }

        private (double Latitude, double Longitude) At(double east, double north)
        {
            var (sin, cos) = Math.SinCos(rotation);
            return frame.ToDegrees(east * cos - north * sin, east * sin + north * cos);
        }

        private void BuildGrid(int count)
        {
            var columns = (int)Math.Ceiling(Math.Sqrt(count));
            var rows = (int)Math.Ceiling(count / (double)columns);
            var block = 90 + random.NextDouble() * 70;
            rotation = (random.NextDouble() - 0.5) * Math.PI / 6;
            var arterialEvery = 3 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var (row, column) = (i / columns, i % columns);
                var east = (column - (columns - 1) / 2.0) * block + (random.NextDouble() - 0.5) * 20;
                var north = ((rows - 1) / 2.0 - row) * block + (random.NextDouble() - 0.5) * 20;
                nodes.Add((east, north));
                nodeIds.Add(IntersectionId(row, column));
                var (latitude, longitude) = At(east, north);
                intersections.Add(new CityIntersection(IntersectionId(row, column), district.Id, latitude, longitude));
                assets.Add(new CityAsset(IntersectionId(row, column), AssetKind.Intersection, district.Id, latitude, longitude,
                    $"dev-{IntersectionId(row, column)}", null, new AssetParameters()));
                if (column > 0)
                    AddStreet(i - 1, i, arterial: row % arterialEvery == 0);
                if (row > 0)
                    AddStreet(i - columns, i, arterial: column % arterialEvery == 0);
            }

            string IntersectionId(int row, int column) => $"{district.Id}-ix-{row}-{column}";
        }

        private void AddStreet(int a, int b, bool arterial)
        {
            streets.Add((a, b));
            var speed = arterial ? 50 : 30;
            var lanes = arterial ? 2 : 1;
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                var start = At(nodes[from].East, nodes[from].North);
                var end = At(nodes[to].East, nodes[to].North);
                var length = GeoDistance.HaversineMetres(start.Latitude, start.Longitude, end.Latitude, end.Longitude);
                segments.Add(new CitySegment($"{district.Id}-seg-{segmentCount++:0000}", district.Id,
                    nodeIds[from], nodeIds[to], speed, lanes, [start, end], Math.Round(length, 1)));
            }
        }

        private void PlaceAlongStreets(AssetKind kind, int count)
        {
            var prefix = kind == AssetKind.Bin ? "bin" : "light";
            for (var i = 0; i < count; i++)
            {
                var street = random.Next(streets.Count);
                var (a, b) = streets[street];
                var t = 0.1 + random.NextDouble() * 0.8;
                var (east, north) = (nodes[a].East + (nodes[b].East - nodes[a].East) * t, nodes[a].North + (nodes[b].North - nodes[a].North) * t);
                // Beside the street, on either side: lights at the kerb, bins on the pavement.
                var (dx, dy) = (nodes[b].East - nodes[a].East, nodes[b].North - nodes[a].North);
                var norm = Math.Sqrt(dx * dx + dy * dy);
                var offset = (kind == AssetKind.Bin ? 4 + random.NextDouble() * 4 : 6 + random.NextDouble() * 4) * (random.Next(2) == 0 ? -1 : 1);
                var (latitude, longitude) = At(east - dy / norm * offset, north + dx / norm * offset);
                var id = $"{district.Id}-{prefix}-{i:00000}";
                var size = random.Next(BinLitres.Length);
                var parameters = kind == AssetKind.Bin
                    ? new AssetParameters(BinCapacityLitres: BinLitres[size], DepthCm: BinDepthCm[size], MaxLoadKg: BinMaxLoadKg[size])
                    : new AssetParameters(RatedPowerWatts: LampWatts[random.Next(LampWatts.Length)]);
                var viaGateway = random.NextDouble() < options.GatewayShare;
                var asset = new CityAsset(id, kind, district.Id, latitude, longitude, $"dev-{id}", null, parameters);
                if (viaGateway)
                    gatewayCandidates.Add((asset, street));
                else
                    assets.Add(asset);
            }
        }

        private void PlaceAirQuality(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var node = nodes[random.Next(nodes.Count)];
                var (latitude, longitude) = At(node.East + (random.NextDouble() - 0.5) * 40, node.North + (random.NextDouble() - 0.5) * 40);
                var id = $"{district.Id}-air-{i:0000}";
                assets.Add(new CityAsset(id, AssetKind.AirQuality, district.Id, latitude, longitude, $"dev-{id}", null,
                    new AssetParameters(Pollutants: PollutantSets[random.Next(PollutantSets.Length)])));
            }
        }

        private void PlaceTrucks(int count)
        {
            // The depot sits just outside the grid's west edge, near enough to the western street (120 m, with the
            // grid's ±10 m jitter) that a route planner can join it to the road network (which allows 200 m).
            var west = nodes.Min(n => n.East) - 120;
            var depot = At(west, 0);
            for (var i = 0; i < count; i++)
            {
                var id = $"{district.Id}-truck-{i:000}";
                assets.Add(new CityAsset(id, AssetKind.Truck, district.Id, depot.Latitude, depot.Longitude, $"dev-{id}", null,
                    new AssetParameters(CapacityKg: 8_000 + random.Next(5) * 1_000, Depot: depot)));
            }
        }

        private void GroupIntoGateways()
        {
            // Streets are numbered along the grid, so neighbouring streets' assets share a gateway.
            var ordered = gatewayCandidates.OrderBy(c => c.Street).ThenBy(c => c.Asset.Id, StringComparer.Ordinal).ToList();
            for (var start = 0; start < ordered.Count; start += options.AssetsPerGateway)
            {
                var id = $"{district.Id}-gw-{start / options.AssetsPerGateway:000}";
                var members = ordered.Skip(start).Take(options.AssetsPerGateway).Select(c => c.Asset with { DeviceId = id, GatewayId = id }).ToList();
                assets.AddRange(members);
                gateways.Add(new CityGateway(id, district.Id, [.. members.Select(m => m.Id)]));
            }
        }
    }
}
