using System.Collections.Concurrent;
using CityTwin.Ingestion.External;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>
/// The host's side of External mode as the issue describes it, reduced to what the tests need: an
/// MQTT 5 persistent session (clean start off, session expiry set) on the shared telemetry
/// subscription, acknowledging each message by hand after it was taken.
/// </summary>
internal sealed class HostSession : IAsyncDisposable
{
    private const uint SessionExpirySeconds = 3600;
    private readonly IMqttClient client;
    private readonly ConcurrentQueue<(string Topic, string Payload)> received = new();

    private HostSession(IMqttClient client) => this.client = client;

    public bool SessionPresent { get; private set; }

    public IReadOnlyCollection<(string Topic, string Payload)> Received => received;

    public static async Task<HostSession> ConnectAsync(BrokerConnection connection, string clientId)
    {
        var session = new HostSession(new MqttClientFactory().CreateMqttClient());
        session.client.ApplicationMessageReceivedAsync += session.OnMessageAsync;
        var options = connection.ToOptionsBuilder()
            .WithClientId(clientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(SessionExpirySeconds)
            .Build();
        var connected = await session.client.ConnectAsync(options);
        session.SessionPresent = connected.IsSessionPresent;
        if (!connected.IsSessionPresent)
        {
            var subscribed = await session.client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(DeviceAclTemplate.HostTelemetrySubscription(), MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            var code = subscribed.Items.Single().ResultCode;
            if (code != MqttClientSubscribeResultCode.GrantedQoS1)
                throw new InvalidOperationException($"the host's shared subscription was refused: {code}");
        }
        return session;
    }

    public async Task<bool> WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        client.Dispose();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString()));
        await e.AcknowledgeAsync(CancellationToken.None);
    }
}
