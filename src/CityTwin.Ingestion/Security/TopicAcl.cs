using CityTwin.Contracts.Devices;
using CityTwin.Ingestion.Topics;

namespace CityTwin.Ingestion.Security;

/// <summary>
/// Who may use which topic. A device publishes only its own assets' telemetry and status and subscribes
/// only to their command topics; a gateway publishes its batch and status topics and its own assets'
/// single-reading topics, and subscribes to its command and result topics. No wildcards, no <c>$</c>
/// topics, no other district.
/// </summary>
public static class TopicAcl
{
    /// <returns>Null when allowed, else why not.</returns>
    public static string? CheckPublish(DeviceAccess who, TopicAddress topic)
    {
        if (topic.Channel is not (TopicChannel.Telemetry or TopicChannel.Status))
            return $"devices may not publish on {TopicAddress.ChannelSegment(topic.Channel)} topics";
        if (topic.IsGateway)
            return IsOwnGatewayTopic(who, topic) ? null : $"'{who.DeviceId}' may not publish for gateway '{topic.Id}' in '{topic.DistrictId}'";
        return SpeaksFor(who, topic) ? null : $"'{who.DeviceId}' does not speak for {topic.Kind!.Value.Segment()} '{topic.Id}' in '{topic.DistrictId}'";
    }

    /// <returns>Null when allowed, else why not.</returns>
    public static string? CheckSubscribe(DeviceAccess who, string filter)
    {
        if (filter.Contains('+') || filter.Contains('#') || filter.StartsWith('$'))
            return $"'{filter}': wildcards, shared and $ topics are not allowed";
        if (TopicParser.TryParse(filter, out var topic) is { } bad)
            return bad;
        var allowed = topic!.IsGateway
            ? IsOwnGatewayTopic(who, topic) && topic.Channel is TopicChannel.Command or TopicChannel.Result
            : who.Role == DeviceRole.Device && SpeaksFor(who, topic) && topic.Channel == TopicChannel.Command;
        return allowed ? null : $"'{who.DeviceId}' may not subscribe to '{filter}'";
    }

    /// <summary>Where a gateway may have its batch results sent: its own result topic only.</summary>
    public static bool IsOwnResultTopic(DeviceAccess gateway, string? responseTopic) =>
        responseTopic is not null
        && gateway is { Role: DeviceRole.Gateway, GatewayDistrictId: { } district }
        && responseTopic == ResultTopic(district, gateway.DeviceId);

    /// <summary>A gateway's own result topic, the only one its batch results go to (and, in External mode, its role may subscribe to).</summary>
    public static string ResultTopic(string districtId, string gatewayId) =>
        TopicAddress.Format(districtId, null, gatewayId, TopicChannel.Result);

    private static bool IsOwnGatewayTopic(DeviceAccess who, TopicAddress topic) =>
        who.Role == DeviceRole.Gateway && topic.Id == who.DeviceId && topic.DistrictId == who.GatewayDistrictId;

    private static bool SpeaksFor(DeviceAccess who, TopicAddress topic) =>
        topic.Kind is { } kind && SpokenFor.Find(who, topic.Id, topic.DistrictId, kind) is not null;
}
