namespace CityTwin.Ingestion.Topics;

public enum TopicChannel
{
    Telemetry,
    Status,
    Command,
    /// <summary>Where a gateway receives the per-batch result of its telemetry (its MQTT 5 response topic).</summary>
    Result,
}

/// <summary>
/// A parsed topic: <c>city/{district}/{kind}/{assetId}/{channel}</c> for one asset, or
/// <c>city/{district}/gateway/{gatewayId}/{channel}</c> for a gateway (<see cref="Kind"/> null).
/// </summary>
public sealed record TopicAddress(string DistrictId, AssetKind? Kind, string Id, TopicChannel Channel)
{
    public bool IsGateway => Kind is null;

    public override string ToString() => Format(DistrictId, Kind, Id, Channel);

    public static string Format(string districtId, AssetKind? kind, string id, TopicChannel channel) =>
        $"city/{districtId}/{(kind is { } k ? k.Segment() : TopicParser.GatewaySegment)}/{id}/{ChannelSegment(channel)}";

    public static string ChannelSegment(TopicChannel channel) => channel switch
    {
        TopicChannel.Telemetry => "telemetry",
        TopicChannel.Status => "status",
        TopicChannel.Command => "command",
        TopicChannel.Result => "result",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
