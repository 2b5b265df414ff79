using System.Text.Json;

namespace CityTwin.Simulator.Commands;

/// <summary>
/// Reads a command payload (<c>{"command": name, "assetId", "kind", fields of the command}</c>). A payload that
/// cannot be obeyed comes back as an error naming the field, never as an exception.
/// </summary>
public static class CommandReader
{
    /// <param name="defaultAssetId">The asset of a device's own command topic (a gateway's topic has none: the payload must name it).</param>
    public static (DeviceCommand? Command, string? Error) Read(ReadOnlySpan<byte> payload, string? defaultAssetId)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, "not a JSON object");
            try
            {
                var name = Text(root, "command") ?? throw new CommandException("command", "is required");
                var assetId = Text(root, "assetId") ?? defaultAssetId ?? throw new CommandException("assetId", "is required on a gateway's command topic");
                if (defaultAssetId is not null && assetId != defaultAssetId)
                    throw new CommandException("assetId", $"'{assetId}' is not this device's asset '{defaultAssetId}'");
                var issuedAt = Time(root, "issuedAt") ?? throw new CommandException("issuedAt", "is required");
                DeviceCommand command = name switch
                {
                    Names.SetLevel => new SetLevelCommand(assetId, issuedAt, Level(root)),
                    Names.AssignRoute => new AssignRouteCommand(assetId, issuedAt, PlanId(root), Stops(root)),
                    Names.ReleaseRoute => new ReleaseRouteCommand(assetId, issuedAt, PlanId(root)),
                    _ => throw new CommandException("command", $"'{name}' is not a command this device knows"),
                };
                return (command, null);
            }
            catch (CommandException e)
            {
                return (null, $"{e.Field}: {e.Message}");
            }
        }
    }

    private static double Level(JsonElement root)
    {
        var level = Number(root, "illuminanceLevel") ?? throw new CommandException("illuminanceLevel", "is required");
        return level is >= 0 and <= 1 ? level : throw new CommandException("illuminanceLevel", $"{level} is outside 0..1");
    }

    private static string PlanId(JsonElement root) => Text(root, "planId") ?? throw new CommandException("planId", "is required");

    private static List<PlannedStop> Stops(JsonElement root)
    {
        if (!root.TryGetProperty("stops", out var stops) || stops.ValueKind != JsonValueKind.Array)
            throw new CommandException("stops", "is required as an array");
        var list = new List<PlannedStop>(stops.GetArrayLength());
        var index = 0;
        foreach (var stop in stops.EnumerateArray())
        {
            var at = $"stops[{index++}]";
            if (stop.ValueKind != JsonValueKind.Object)
                throw new CommandException(at, "is not an object");
            var latitude = Number(stop, "latitude", at) ?? throw new CommandException($"{at}.latitude", "is required");
            var longitude = Number(stop, "longitude", at) ?? throw new CommandException($"{at}.longitude", "is required");
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
                throw new CommandException(at, $"({latitude}, {longitude}) is not a place on Earth");
            list.Add(new PlannedStop(
                Text(stop, "binId", at) ?? throw new CommandException($"{at}.binId", "is required"),
                latitude,
                longitude,
                stop.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True));
        }
        return list;
    }

    private static string? Text(JsonElement element, string name, string? at = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new CommandException(Path(at, name), "is not a non-empty string");
    }

    private static double? Number(JsonElement element, string name, string? at = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new CommandException(Path(at, name), "is not a number");
    }

    private static DateTimeOffset? Time(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : throw new CommandException(name, "is not an ISO 8601 time with an offset");
    }

    private static string Path(string? at, string name) => at is null ? name : $"{at}.{name}";

    private sealed class CommandException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
