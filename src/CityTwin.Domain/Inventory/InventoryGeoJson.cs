using System.Text.Json;

namespace CityTwin.Domain.Inventory;

/// <summary>
/// Reads a city's inventory from a GeoJSON FeatureCollection (RFC 7946, positions [longitude, latitude]).
/// A Point feature is an asset, with the CSV's column names as properties; a LineString feature is a
/// road segment (<see cref="InventoryColumns.SegmentProperties"/>). Features are numbered by their
/// index in "features", from 0. A property it does not know is reported once and ignored.
/// </summary>
public static class InventoryGeoJson
{
    private const string Feature = "feature";

    public static InventoryDocument Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            return InventoryDocument.Unreadable("file", $"is not JSON: {e.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || StringProperty(root, "type") != "FeatureCollection")
                return InventoryDocument.Unreadable("type", "the file is not a GeoJSON FeatureCollection: it must be {\"type\": \"FeatureCollection\", \"features\": [...]}");
            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                return InventoryDocument.Unreadable("features", "must be an array of features");

            var builder = new InventoryDocumentBuilder(Feature);
            var unknownProperties = new Dictionary<(string Geometry, string Name), int>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                builder.CountRow();
                ReadFeature(index++, feature, builder, unknownProperties);
            }
            foreach (var ((geometry, name), firstIndex) in unknownProperties)
            {
                var known = geometry == "Point" ? InventoryColumns.AssetProperties : InventoryColumns.SegmentProperties;
                builder.Problems.Add(new RowProblem(firstIndex, null, name,
                    $"is not a property of a {geometry} feature we know, so it is ignored (also in later features); the properties are {string.Join(", ", known)}"));
            }
            return builder.Build();
        }
    }

    private static void ReadFeature(int index, JsonElement feature, InventoryDocumentBuilder builder, Dictionary<(string, string), int> unknownProperties)
    {
        var problems = builder.Problems;
        if (feature.ValueKind != JsonValueKind.Object || StringProperty(feature, "type") != "Feature")
        {
            problems.Add(new RowProblem(index, null, "type", "is not a GeoJSON Feature: each entry of \"features\" must be {\"type\": \"Feature\", \"geometry\": ..., \"properties\": ...}"));
            return;
        }

        var geometry = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g : (JsonElement?)null;
        var geometryType = geometry is { } shape ? StringProperty(shape, "type") : null;
        var known = geometryType == "LineString" ? InventoryColumns.SegmentProperties : InventoryColumns.AssetProperties;
        var values = ReadProperties(index, feature, known, geometryType ?? "Point", problems, unknownProperties);
        var id = values.GetValueOrDefault(geometryType == "LineString" ? InventoryColumns.SegmentId : InventoryColumns.AssetId);

        switch (geometryType)
        {
            case null:
                problems.Add(new RowProblem(index, id, "geometry", "is required: a Point for an asset, a LineString for a road segment"));
                break;
            case "Point":
                var position = ReadPoint(index, id, geometry!.Value, problems);
                if (AssetRowReader.Read(index, values, position, problems) is { } asset)
                    builder.Add(asset);
                break;
            case "LineString":
                if (ReadSegment(index, id, geometry!.Value, values, problems) is { } segment)
                    builder.Add(segment);
                break;
            default:
                problems.Add(new RowProblem(index, id, "geometry.type", $"'{geometryType}' is not supported: a Point is an asset, a LineString a road segment"));
                break;
        }
    }

    /// <returns>Known properties by canonical name; strings trimmed, numbers as written, a list of strings joined by spaces.</returns>
    private static Dictionary<string, string> ReadProperties(
        int index, JsonElement feature, IReadOnlyList<string> known, string geometryType,
        List<RowProblem> problems, Dictionary<(string, string), int> unknownProperties)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind == JsonValueKind.Null)
            return values;
        if (properties.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RowProblem(index, null, "properties", "must be an object"));
            return values;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var name = known.FirstOrDefault(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                unknownProperties.TryAdd((geometryType, property.Name), index);
                continue;
            }
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String when value.GetString()!.Trim() is { Length: > 0 } text:
                    values[name] = text;
                    break;
                case JsonValueKind.Number:
                    values[name] = value.GetRawText();
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    values[name] = string.Join(' ', value.EnumerateArray().Select(e => e.GetString()));
                    break;
                case JsonValueKind.String or JsonValueKind.Null:
                    break;
                default:
                    problems.Add(new RowProblem(index, null, name, $"must be a string or a number, not {value.ValueKind.ToString().ToLowerInvariant()}"));
                    break;
            }
        }
        return values;
    }

    private static GeoCoordinate? ReadPoint(int index, string? id, JsonElement geometry, List<RowProblem> problems)
    {
        if (geometry.TryGetProperty("coordinates", out var coordinates) && ReadPosition(coordinates) is { } position)
            return position;
        problems.Add(new RowProblem(index, id, "coordinates", "a Point's coordinates must be [longitude, latitude]"));
        return null;
    }

    private static RoadSegmentRow? ReadSegment(int index, string? id, JsonElement geometry, Dictionary<string, string> values, List<RowProblem> problems)
    {
        var before = problems.Count;
        var points = new List<GeoCoordinate>();
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            problems.Add(new RowProblem(index, id, "coordinates", "a LineString's coordinates must be an array of [longitude, latitude] positions"));
        else
        {
            foreach (var element in coordinates.EnumerateArray())
            {
                if (ReadPosition(element) is not { } point)
                {
                    problems.Add(new RowProblem(index, id, "coordinates", $"position {points.Count} must be [longitude, latitude]"));
                    break;
                }
                points.Add(point);
            }
        }

        var speed = Number(InventoryColumns.FreeFlowSpeedKmh, required: true);
        var lanes = Number(InventoryColumns.Lanes, required: true);
        if (lanes is { } count && (count % 1 != 0 || Math.Abs(count) > int.MaxValue))
            problems.Add(new RowProblem(index, id, InventoryColumns.Lanes, $"{values[InventoryColumns.Lanes]} is not a whole number of lanes"));
        var givenLength = Number(InventoryColumns.LengthMetres, required: false);
        var unreadable = problems.Skip(before).Select(p => p.Field).ToHashSet(StringComparer.Ordinal);

        var violations = RoadSegmentRules.Validate(
            values.GetValueOrDefault(InventoryColumns.SegmentId),
            values.GetValueOrDefault(InventoryColumns.From),
            values.GetValueOrDefault(InventoryColumns.To),
            values.GetValueOrDefault(InventoryColumns.DistrictId),
            points,
            givenLength,
            speed ?? RoadSegmentRules.MinFreeFlowSpeedKmh,
            unreadable.Contains(InventoryColumns.Lanes) ? RoadSegmentRules.MinLanes : (int)(lanes ?? RoadSegmentRules.MinLanes));
        // A field that could not be read is reported once, not again as out of range.
        problems.AddRange(violations.Where(v => !unreadable.Contains(v.Field)).Select(v => new RowProblem(index, id, v.Field, v.Message)));
        if (problems.Count > before)
            return null;

        return new RoadSegmentRow(index, id!, values[InventoryColumns.From], values[InventoryColumns.To],
            values[InventoryColumns.DistrictId], points, givenLength ?? GeoMath.LengthMetres(points), speed!.Value, (int)lanes!.Value);

        double? Number(string name, bool required)
        {
            if (!values.TryGetValue(name, out var text))
            {
                if (required)
                    problems.Add(new RowProblem(index, id, name, "is required"));
                return null;
            }
            if (InventoryNumbers.TryParse(text, out var number))
                return number;
            problems.Add(new RowProblem(index, id, name, InventoryNumbers.NotANumber(text)));
            return null;
        }
    }

    /// <summary>[longitude, latitude] or [longitude, latitude, altitude]; the altitude is not used.</summary>
    private static GeoCoordinate? ReadPosition(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3)
            return null;
        if (position[0].ValueKind != JsonValueKind.Number || !position[0].TryGetDouble(out var longitude)
            || position[1].ValueKind != JsonValueKind.Number || !position[1].TryGetDouble(out var latitude))
            return null;
        return new GeoCoordinate(latitude, longitude);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
