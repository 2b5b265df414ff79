using System.Text.Json;
using System.Text.Json.Nodes;
using CityTwin.Contracts.Devices;
using CityTwin.Grains.Devices;
using CityTwin.Grains.Telemetry;
using CityTwin.Ingestion.Topics;

namespace CityTwin.Ingestion.Commands;

/// <summary>
/// Sends twins' commands down at QoS 1: to the asset's own command topic, or, when the asset's device is
/// a gateway, to the gateway's command topic with the asset named in the payload. Payload:
/// <c>{"command": name, "assetId": ..., "kind": ..., fields of the command}</c>.
/// </summary>
public sealed class MqttCommandSink(IGrainFactory grains, Func<string, byte[], Task> publish) : IDeviceCommandSink
{
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(DownlinkCommand command)
    {
        var access = await grains.GetGrain<IDeviceGrain>(command.DeviceId).GetAccess();
        var topic = access.Role == DeviceRole.Gateway && access.GatewayDistrictId is { } district
            ? TopicAddress.Format(district, null, command.DeviceId, TopicChannel.Command)
            : TopicAddress.Format(command.DistrictId, command.Kind, command.AssetId, TopicChannel.Command);
        await publish(topic, Serialize(command));
        CityTwinMetrics.MqttCommands.Add(1, new KeyValuePair<string, object?>("command", command.Name));
    }

    public static byte[] Serialize(DownlinkCommand command)
    {
        var payload = new JsonObject
        {
            ["command"] = command.Name,
            ["assetId"] = command.AssetId,
            ["kind"] = command.Kind.Segment(),
        };
        if (JsonSerializer.SerializeToNode(command.Body, command.Body.GetType(), BodyJson) is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                payload[name] = value;
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(payload);
    }
}
