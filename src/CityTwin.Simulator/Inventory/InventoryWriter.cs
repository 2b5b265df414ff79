using System.Globalization;
using System.Text;
using System.Text.Json;
using CityTwin.Domain.Inventory;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Inventory;

/// <summary>
/// Writes a generated city in the formats the import reads (docs/inventory.md): GeoJSON with the road
/// network as LineStrings and the assets as Points, or CSV with the assets only.
/// </summary>
public static class InventoryWriter
{
    public static string ToGeoJson(SimulatedCity city) => ToGeoJson(city.Segments, city.Assets);

    /// <summary>Part of a city: the import takes roads in an earlier file than the assets beside them.</summary>
    public static string ToGeoJson(IEnumerable<CitySegment> segments, IEnumerable<CityAsset> assets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var segment in segments)
                WriteSegment(json, segment);
            foreach (var asset in assets)
                WriteAsset(json, asset);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Assets only: CSV has no road network, so intersections in it need roads imported first.</summary>
    public static string ToCsv(SimulatedCity city)
    {
        string[] columns =
        [
            InventoryColumns.AssetId, InventoryColumns.Kind, InventoryColumns.DistrictId, InventoryColumns.Latitude, InventoryColumns.Longitude,
            InventoryColumns.DeviceId, InventoryColumns.BinCapacity, InventoryColumns.DepthCm, InventoryColumns.MaxLoadKg,
            InventoryColumns.RatedPowerWatts, InventoryColumns.CapacityKg, InventoryColumns.DepotLatitude, InventoryColumns.DepotLongitude,
            InventoryColumns.Pollutants,
        ];
        var csv = new StringBuilder().AppendLine(string.Join(',', columns));
        foreach (var asset in city.Assets)
        {
            var p = asset.Parameters;
            csv.AppendJoin(',',
                asset.Id, asset.Kind.Segment(), asset.DistrictId, Number(asset.Latitude), Number(asset.Longitude), asset.DeviceId,
                Number(p.BinCapacityLitres), Number(p.DepthCm), Number(p.MaxLoadKg), Number(p.RatedPowerWatts), Number(p.CapacityKg),
                Number(p.Depot?.Latitude), Number(p.Depot?.Longitude), p.Pollutants is null ? "" : string.Join(' ', p.Pollutants));
            csv.AppendLine();
        }
        return csv.ToString();
    }

    private static void WriteSegment(Utf8JsonWriter json, CitySegment segment)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", "LineString");
        json.WriteStartArray("coordinates");
        foreach (var (latitude, longitude) in segment.Points)
            WritePosition(json, latitude, longitude);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString(InventoryColumns.SegmentId, segment.Id);
        json.WriteString(InventoryColumns.From, segment.FromId);
        json.WriteString(InventoryColumns.To, segment.ToId);
        json.WriteString(InventoryColumns.DistrictId, segment.DistrictId);
        json.WriteNumber(InventoryColumns.FreeFlowSpeedKmh, segment.FreeFlowSpeedKmh);
        json.WriteNumber(InventoryColumns.Lanes, segment.Lanes);
        json.WriteNumber(InventoryColumns.LengthMetres, segment.LengthMetres);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAsset(Utf8JsonWriter json, CityAsset asset)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WritePropertyName("coordinates");
        WritePosition(json, asset.Latitude, asset.Longitude);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString(InventoryColumns.AssetId, asset.Id);
        json.WriteString(InventoryColumns.Kind, asset.Kind.Segment());
        json.WriteString(InventoryColumns.DistrictId, asset.DistrictId);
        json.WriteString(InventoryColumns.DeviceId, asset.DeviceId);
        var p = asset.Parameters;
        WriteNumber(json, InventoryColumns.BinCapacity, p.BinCapacityLitres);
        WriteNumber(json, InventoryColumns.DepthCm, p.DepthCm);
        WriteNumber(json, InventoryColumns.MaxLoadKg, p.MaxLoadKg);
        WriteNumber(json, InventoryColumns.RatedPowerWatts, p.RatedPowerWatts);
        WriteNumber(json, InventoryColumns.CapacityKg, p.CapacityKg);
        WriteNumber(json, InventoryColumns.DepotLatitude, p.Depot?.Latitude);
        WriteNumber(json, InventoryColumns.DepotLongitude, p.Depot?.Longitude);
        if (p.Pollutants is { } pollutants)
        {
            json.WriteStartArray(InventoryColumns.Pollutants);
            foreach (var pollutant in pollutants)
                json.WriteStringValue(pollutant);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, double latitude, double longitude)
    {
        json.WriteStartArray();
        json.WriteNumberValue(longitude);
        json.WriteNumberValue(latitude);
        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
