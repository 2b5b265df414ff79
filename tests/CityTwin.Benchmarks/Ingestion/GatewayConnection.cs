using CityTwin.Ingestion.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>A provisioned gateway: its credential and the twins it speaks for.</summary>
public sealed record BenchGateway(string GatewayId, string DistrictId, string Secret, IReadOnlyList<BenchAsset> Assets)
{
    public string BatchTopic => TopicAddress.Format(DistrictId, null, GatewayId, TopicChannel.Telemetry);
}

/// <summary>
/// One MQTT connection (an MQTTnet client, MQTT 5) of a gateway. Single readings go out on its twins'
/// own topics, batches on its gateway topic; either way its twins take turns, so consecutive readings
/// of one twin are a round of its gateway's twins apart and always in sequence order.
/// </summary>
public sealed class GatewayConnection(BenchGateway gateway) : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    // Per slot, how many readings it made; only that slot's publisher touches its entry.
    private readonly long[] cursors = new long[gateway.Assets.Count];

    private string? lastDisconnect;

    public BenchGateway Gateway { get; } = gateway;

    public async Task ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(Gateway.GatewayId)
            .WithCredentials(Gateway.GatewayId, Gateway.Secret)
            // A busy shared machine can stall a connection for longer than a keep-alive period; what the
            // benchmark wants to see then is a slow figure, not a client that gave up.
            .WithKeepAlivePeriod(TimeSpan.Zero)
            .WithTimeout(TimeSpan.FromMinutes(5))
            .Build();
        client.DisconnectedAsync -= RememberDisconnectAsync;
        client.DisconnectedAsync += RememberDisconnectAsync;
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"gateway {Gateway.GatewayId} could not connect to port {port}: {result.ResultCode} {result.ReasonString}");
    }

    /// <summary>
    /// The next reading of the twins of <paramref name="slot"/>, alone on its topic. With
    /// <paramref name="slots"/> publishes in flight, each slot owns every slots-th twin of the gateway,
    /// so a twin's readings leave in order although the slots publish concurrently.
    /// </summary>
    public MqttApplicationMessage NextSingle(int slot, int slots, MqttQualityOfServiceLevel qos, DateTimeOffset deviceTime)
    {
        var asset = NextAsset(slot, slots);
        return Message(asset.Topic, ReadingPayloads.Single(asset, deviceTime), qos);
    }

    /// <summary>One reading of each of the next <paramref name="size"/> twins of <paramref name="slot"/>, as one batch.</summary>
    public MqttApplicationMessage NextBatch(int slot, int slots, int size, MqttQualityOfServiceLevel qos, DateTimeOffset deviceTime)
    {
        if (size * slots > Gateway.Assets.Count)
            throw new ArgumentOutOfRangeException(nameof(size), $"{slots} slots of {size} readings need more than the gateway's {Gateway.Assets.Count} twins: a batch would hold one twin twice");
        var assets = new BenchAsset[size];
        for (var i = 0; i < size; i++)
            assets[i] = NextAsset(slot, slots);
        return Message(Gateway.BatchTopic, ReadingPayloads.Batch(assets, deviceTime), qos);
    }

    /// <summary>Sends; at QoS 1 returns once acknowledged, and throws when the broker refused it.</summary>
    public async Task PublishAsync(MqttApplicationMessage message)
    {
        MqttClientPublishResult result;
        try
        {
            result = await client.PublishAsync(message);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            throw new InvalidOperationException($"{Gateway.GatewayId}: publish on {message.Topic} failed; {Volatile.Read(ref lastDisconnect) ?? "the connection was not closed"}", e);
        }
        if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce && !result.IsSuccess)
            throw new InvalidOperationException($"{Gateway.GatewayId}: publish on {message.Topic} refused: {result.ReasonCode} {result.ReasonString}");
    }

    /// <summary>A clean DISCONNECT, so the client can connect again, to this broker or another.</summary>
    public async Task DisconnectAsync()
    {
        if (!client.IsConnected)
            return;
        try
        {
            await client.DisconnectAsync();
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The broker went first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        client.Dispose();
    }

    private BenchAsset NextAsset(int slot, int slots)
    {
        var perSlot = Gateway.Assets.Count / slots;
        return Gateway.Assets[(int)(cursors[slot]++ % perSlot) * slots + slot];
    }

    private Task RememberDisconnectAsync(MqttClientDisconnectedEventArgs e)
    {
        Volatile.Write(ref lastDisconnect, $"disconnected at {DateTimeOffset.UtcNow:HH:mm:ss.fff}: {e.Reason} {e.ReasonString} {e.Exception?.GetType().Name} {e.Exception?.Message}");
        return Task.CompletedTask;
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload, MqttQualityOfServiceLevel qos) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
}
