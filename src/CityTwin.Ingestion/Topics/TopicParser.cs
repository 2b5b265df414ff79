using CityTwin.Domain.Common;

namespace CityTwin.Ingestion.Topics;

/// <summary>Reads the topic shapes of ARCHITECTURE.md; anything else is refused with what was wrong.</summary>
public static class TopicParser
{
    public const string Root = "city";
    public const string GatewaySegment = "gateway";

    /// <returns>Null when the topic is well formed, else why not.</returns>
    public static string? TryParse(string? topic, out TopicAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(topic))
            return "the topic is empty";
        if (topic.Length > 256)
            return "the topic is longer than 256 characters";
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != Root)
            return $"'{topic}' is not city/{{district}}/{{kind}}/{{id}}/{{telemetry|status|command|result}}";
        if (Identifiers.Check("district", parts[1]) is { } badDistrict)
            return $"district {badDistrict.Message}";
        AssetKind? kind = null;
        if (parts[2] != GatewaySegment)
        {
            if (!AssetKinds.TryParseSegment(parts[2], out var parsed))
                return $"'{parts[2]}' is not a kind (bin, streetlight, intersection, truck, airquality or gateway)";
            kind = parsed;
        }
        if (Identifiers.Check("id", parts[3]) is { } badId)
            return $"id {badId.Message}";
        TopicChannel channel;
        switch (parts[4])
        {
            case "telemetry": channel = TopicChannel.Telemetry; break;
            case "status": channel = TopicChannel.Status; break;
            case "command": channel = TopicChannel.Command; break;
            case "result" when kind is null: channel = TopicChannel.Result; break;
            default: return $"'{parts[4]}' is not a channel (telemetry, status, command{(kind is null ? ", result" : "")})";
        }
        address = new TopicAddress(parts[1], kind, parts[3], channel);
        return null;
    }
}
