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
        // Segments are compared in place: only the district and the id become strings (every publish comes here).
        var text = topic.AsSpan();
        Span<Range> parts = stackalloc Range[6];
        if (text.Split(parts, '/') != 5 || !text[parts[0]].SequenceEqual(Root))
            return $"'{topic}' is not city/{{district}}/{{kind}}/{{id}}/{{telemetry|status|command|result}}";
        var district = topic[parts[1]];
        if (Identifiers.Check("district", district) is { } badDistrict)
            return $"district {badDistrict.Message}";
        AssetKind? kind = null;
        var kindSegment = text[parts[2]];
        if (!kindSegment.SequenceEqual(GatewaySegment))
        {
            if (!AssetKinds.TryParseSegment(kindSegment, out var parsed))
                return $"'{kindSegment}' is not a kind (bin, streetlight, intersection, truck, airquality or gateway)";
            kind = parsed;
        }
        var id = topic[parts[3]];
        if (Identifiers.Check("id", id) is { } badId)
            return $"id {badId.Message}";
        TopicChannel channel;
        var channelSegment = text[parts[4]];
        if (channelSegment.SequenceEqual("telemetry"))
            channel = TopicChannel.Telemetry;
        else if (channelSegment.SequenceEqual("status"))
            channel = TopicChannel.Status;
        else if (channelSegment.SequenceEqual("command"))
            channel = TopicChannel.Command;
        else if (kind is null && channelSegment.SequenceEqual("result"))
            channel = TopicChannel.Result;
        else
            return $"'{channelSegment}' is not a channel (telemetry, status, command{(kind is null ? ", result" : "")})";
        address = new TopicAddress(district, kind, id, channel);
        return null;
    }
}
