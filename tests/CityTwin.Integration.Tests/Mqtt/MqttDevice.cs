using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>A device that stays connected (an MQTTnet client): what it received and why it was disconnected.</summary>
public sealed class MqttDevice : IAsyncDisposable
{
    private readonly IMqttClient client;
    private readonly TaskCompletionSource<MqttClientDisconnectedEventArgs> disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MqttDevice(IMqttClient client)
    {
        this.client = client;
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e);
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            Received.Add(new ReceivedMessage(message.Topic, Encoding.UTF8.GetString(message.Payload), message.QualityOfServiceLevel, message.CorrelationData));
            return Task.CompletedTask;
        };
    }

    public BlockingCollection<ReceivedMessage> Received { get; } = [];

    public bool IsConnected => client.IsConnected;

    public static async Task<(MqttDevice Device, MqttClientConnectResult Result)> TryConnectAsync(
        int port, string user, string password, string? clientId = null, MqttProtocolVersion version = MqttProtocolVersion.V500,
        MqttClientOptions? options = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new MqttDevice(client);
        options ??= Options(port, user, password, clientId, version).Build();
        return (device, await client.ConnectAsync(options));
    }

    /// <summary>The connect options of a device: its id as client id and user name, clean session; to be extended by a test (a will).</summary>
    public static MqttClientOptionsBuilder Options(int port, string user, string password, string? clientId = null, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(version)
            .WithClientId(clientId ?? user)
            .WithCredentials(user, password)
            .WithTimeout(TimeSpan.FromSeconds(10));

    public static async Task<MqttDevice> ConnectAsync(int port, string user, string password, MqttProtocolVersion version = MqttProtocolVersion.V500, MqttClientOptions? options = null)
    {
        var (device, result) = await TryConnectAsync(port, user, password, null, version, options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return device;
    }

    public Task<MqttClientPublishResult> PublishAsync(string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce, Action<MqttApplicationMessageBuilder>? customize = null)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos);
        customize?.Invoke(builder);
        return client.PublishAsync(builder.Build());
    }

    public Task<MqttClientSubscribeResult> SubscribeAsync(string filter) =>
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());

    /// <summary>Why the broker disconnected this device, or null when it still is connected after <paramref name="within"/>.</summary>
    public async Task<MqttClientDisconnectedEventArgs?> DisconnectedWithinAsync(TimeSpan within)
    {
        var done = await Task.WhenAny(disconnected.Task, Task.Delay(within));
        return done == disconnected.Task ? disconnected.Task.Result : null;
    }

    /// <summary>The next message received, or null when none came within <paramref name="within"/>.</summary>
    public Task<ReceivedMessage?> NextMessageAsync(TimeSpan within) =>
        Task.Run(() => Received.TryTake(out var message, within) ? message : null);

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
        client.Dispose();
    }
}

/// <summary>A message a device received: what it said, at which QoS, and the correlation data of a response.</summary>
public sealed record ReceivedMessage(string Topic, string Payload, MqttQualityOfServiceLevel Qos, byte[]? CorrelationData);
