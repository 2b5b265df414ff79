using System.Diagnostics;
using System.Text.Json;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Telemetry;
using CityTwin.Grains.Telemetry;
using CityTwin.Ingestion.Dispatch;
using CityTwin.Ingestion.Payloads;
using CityTwin.Ingestion.Security;
using CityTwin.Ingestion.Topics;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Ingestion.Broker;

/// <summary>
/// What the broker answers a publish with: a PUBACK reason (MQTT 5) and, for a gateway, a batch result with
/// <see cref="ResultTopic"/>, where it goes: the message's response topic when that is the gateway's own
/// result topic (<see cref="TopicAcl.IsOwnResultTopic"/>), else null and the result is not sent.
/// </summary>
public sealed record PublishVerdict(MqttPubAckReasonCode ReasonCode, string? ReasonString, BatchResultMessage? BatchResult = null, bool CloseConnection = false, string? ResultTopic = null)
{
    public static PublishVerdict Success { get; } = new(MqttPubAckReasonCode.Success, null);
}

/// <summary>
/// One publish from an authenticated device, from topic to twins: topic shape, ACL, payload, then the
/// grains, awaited, so QoS 1 is acknowledged only once the readings are applied. The embedded broker
/// (<see cref="HandleAsync"/>) and the external broker's subscriber (<see cref="HandleBrokeredAsync"/>)
/// differ only in who checked the publisher; everything after is this one path.
/// </summary>
public sealed class TelemetryHandler(ReadingDispatcher dispatcher, DeviceDirectory directory, RateLimitedLog refusals)
{
    private static readonly KeyValuePair<string, object?> Single = new("shape", "single");
    private static readonly KeyValuePair<string, object?> Batch = new("shape", "batch");

    /// <summary>Embedded mode: the broker authenticated <paramref name="who"/>; the topic ACL is checked here.</summary>
    /// <remarks>Not async itself: it only hands on the applying task (one state machine less per publish).</remarks>
    public Task<PublishVerdict> HandleAsync(DeviceAccess who, string topicName, MqttApplicationMessage message)
    {
        if (TopicParser.TryParse(topicName, out var topic) is { } badTopic)
            return Task.FromResult(Refuse("topic", who.DeviceId, topicName, MqttPubAckReasonCode.TopicNameInvalid, badTopic));
        if (TopicAcl.CheckPublish(who, topic!) is { } denied)
            return Task.FromResult(Refuse("acl", who.DeviceId, topicName, MqttPubAckReasonCode.NotAuthorized, denied));
        return ApplyAsync(who, who.DeviceId, topic!, topicName, message);
    }

    /// <summary>
    /// External mode: Mosquitto authenticated the publisher and held it to its dynamic-security role, and
    /// does not say who it was. A single reading's topic names its asset, which is enough; a gateway's
    /// batch or status needs the gateway's access (the assets it speaks for), and is checked against it.
    /// </summary>
    public async Task<PublishVerdict> HandleBrokeredAsync(string topicName, MqttApplicationMessage message)
    {
        if (TopicParser.TryParse(topicName, out var topic) is { } badTopic)
            return Refuse("topic", "(via broker)", topicName, MqttPubAckReasonCode.TopicNameInvalid, badTopic);
        if (topic!.Channel is not (TopicChannel.Telemetry or TopicChannel.Status))
            return Refuse("topic", topic.Id, topicName, MqttPubAckReasonCode.TopicNameInvalid, "only telemetry and status topics carry readings and presence");
        DeviceAccess? gateway = null;
        if (topic.IsGateway)
        {
            gateway = await directory.FetchAsync(topic.Id);
            if (TopicAcl.CheckPublish(gateway, topic) is { } denied)
                return Refuse("acl", topic.Id, topicName, MqttPubAckReasonCode.NotAuthorized, denied);
        }
        return await ApplyAsync(gateway, topic.Id, topic, topicName, message);
    }

    /// <param name="who">The publisher's access: always for a gateway topic; null for an asset's topic in External mode.</param>
    /// <param name="source">Who to name in logs: the device id, or the topic's id when the broker did not say.</param>
    private async Task<PublishVerdict> ApplyAsync(DeviceAccess? who, string source, TopicAddress topic, string topicName, MqttApplicationMessage message)
    {
        if (topic.Channel == TopicChannel.Status)
            return await PresenceAsync(who, source, topic, topicName, message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return topic.IsGateway
                ? await BatchAsync(who!, topicName, message)
                : await SingleAsync(source, topic, topicName, message);
        }
        finally
        {
            CityTwinMetrics.MqttApplyDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<PublishVerdict> SingleAsync(string source, TopicAddress topic, string topicName, MqttApplicationMessage message)
    {
        var (reading, errors) = PayloadParser.ParseSingle(topic.Kind!.Value, topic.Id, message.Payload);
        if (reading is null)
            return Refuse("payload", source, topicName, MqttPubAckReasonCode.PayloadFormatInvalid, Describe(errors));
        var result = await dispatcher.ApplyAsync(reading);
        Count(result.Outcome, Single);
        return result.Outcome == ReadingOutcome.Rejected
            ? Refuse("twin", source, topicName, MqttPubAckReasonCode.ImplementationSpecificError, Describe(result.Errors))
            : PublishVerdict.Success;
    }

    private async Task<PublishVerdict> BatchAsync(DeviceAccess gateway, string topicName, MqttApplicationMessage message)
    {
        var resultTopic = TopicAcl.IsOwnResultTopic(gateway, message.ResponseTopic) ? message.ResponseTopic : null;
        var parse = PayloadParser.ParseBatch(message.Payload, assetId => KindOf(gateway, assetId));
        if (parse.BatchError is { } batchError)
        {
            var refusal = Refuse("payload", gateway.DeviceId, topicName, MqttPubAckReasonCode.PayloadFormatInvalid, $"{batchError.Field}: {batchError.Message}");
            return refusal with { BatchResult = new BatchResultMessage(0, 0, 0, [new RejectedReadingMessage(-1, null, [batchError])]), ResultTopic = resultTopic };
        }
        var results = await dispatcher.ApplyBatchAsync(parse.Readings);
        var rejected = parse.Refused.Select(r => new RejectedReadingMessage(r.Index, r.AssetId, r.Errors)).ToList();
        int applied = 0, duplicates = 0, late = 0;
        for (var i = 0; i < results.Length; i++)
        {
            switch (results[i].Outcome)
            {
                case ReadingOutcome.Applied: applied++; break;
                case ReadingOutcome.Duplicate: duplicates++; break;
                case ReadingOutcome.Late: late++; break;
                default: rejected.Add(new RejectedReadingMessage(parse.Readings[i].Index, parse.Readings[i].AssetId, results[i].Errors)); break;
            }
        }
        // Counted once per outcome, not once per reading: a metric update costs about what a small reading does.
        Count(ReadingOutcome.Applied, applied, Batch);
        Count(ReadingOutcome.Duplicate, duplicates, Batch);
        Count(ReadingOutcome.Late, late, Batch);
        Count(ReadingOutcome.Rejected, results.Length - applied - duplicates - late, Batch);
        if (parse.Refused.Count > 0)
            CityTwinMetrics.MqttRefusals.Add(parse.Refused.Count, new KeyValuePair<string, object?>("reason", "payload"));
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var summary = new BatchResultMessage(applied, duplicates, late, rejected);
        if (rejected.Count == 0)
            return PublishVerdict.Success with { BatchResult = summary, ResultTopic = resultTopic };
        refusals.Refused("batch", gateway.DeviceId, topicName, $"{rejected.Count} of {rejected.Count + applied + duplicates + late} readings refused; first: {Describe(rejected[0].Errors)}");
        // Some readings were applied: the batch as a whole is accepted; the result names the refused ones.
        var code = applied + duplicates + late > 0 ? MqttPubAckReasonCode.Success : MqttPubAckReasonCode.PayloadFormatInvalid;
        return new PublishVerdict(code, code == MqttPubAckReasonCode.Success ? null : "every reading of the batch was refused", summary, ResultTopic: resultTopic);
    }

    private async Task<PublishVerdict> PresenceAsync(DeviceAccess? who, string source, TopicAddress topic, string topicName, MqttApplicationMessage message)
    {
        var text = message.Payload.Length > 16 ? "" : System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(message.Payload)).Trim();
        bool online;
        if (text == "online")
            online = true;
        else if (text == "offline")
            online = false;
        else
            return Refuse("payload", source, topicName, MqttPubAckReasonCode.PayloadFormatInvalid, "a status payload is 'online' or 'offline'");
        if (topic.IsGateway)
            await Task.WhenAll(who!.Assets.Select(a => dispatcher.ReportPresenceAsync(a.Kind, a.AssetId, online)));
        else
            await dispatcher.ReportPresenceAsync(topic.Kind!.Value, topic.Id, online);
        return PublishVerdict.Success;
    }

    private PublishVerdict Refuse(string reason, string source, string topicName, MqttPubAckReasonCode code, string detail)
    {
        CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
        refusals.Refused(reason, source, topicName, detail);
        return new PublishVerdict(code, Truncate(detail));
    }

    private static AssetKind? KindOf(DeviceAccess gateway, string assetId) =>
        SpokenFor.Find(gateway, assetId, gateway.GatewayDistrictId)?.Kind;

    private static void Count(ReadingOutcome outcome, KeyValuePair<string, object?> shape) => Count(outcome, 1, shape);

    private static void Count(ReadingOutcome outcome, int readings, KeyValuePair<string, object?> shape)
    {
        if (readings > 0)
            CityTwinMetrics.MqttReadings.Add(readings, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)), shape);
    }

    private static string OutcomeName(ReadingOutcome outcome) => outcome switch
    {
        ReadingOutcome.Applied => "applied",
        ReadingOutcome.Duplicate => "duplicate",
        ReadingOutcome.Late => "late",
        _ => "rejected",
    };

    private static string Describe(IReadOnlyList<FieldError> errors) =>
        string.Join("; ", errors.Take(5).Select(e => $"{e.Field}: {e.Message}"));

    private static string Truncate(string text) => text.Length > 256 ? text[..256] : text;

    public static byte[] Serialize(BatchResultMessage result) => JsonSerializer.SerializeToUtf8Bytes(result, PayloadJson.Default.BatchResultMessage);
}
