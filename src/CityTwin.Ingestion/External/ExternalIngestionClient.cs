using CityTwin.Grains.Telemetry;
using CityTwin.Ingestion.Broker;
using CityTwin.Ingestion.Payloads;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Ingestion.External;

/// <summary>
/// External mode's ingestion, one per silo: an MQTT 5 client of Mosquitto on a persistent session (clean
/// start off, session expiry set) holding the host's shared subscriptions, so the silos of a cluster split
/// the devices' messages and a stopped silo's backlog waits for it at the broker. Every message goes
/// through the same <see cref="TelemetryHandler"/> as in embedded mode and is acknowledged by hand only
/// once its readings were applied to their twins: a message in flight when the silo dies is delivered
/// again, and the twin recognises what it already applied. A gateway's batch result goes to its own
/// result topic when the batch named that as its response topic, before the acknowledgement.
/// At most <see cref="ExternalBrokerOptions.MaxInFlight"/> messages are unacknowledged at once (the MQTT 5
/// receive maximum): slow twins make the broker hold messages back instead of a queue growing here.
/// </summary>
public sealed class ExternalIngestionClient : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly ExternalBrokerOptions settings;
    private readonly TelemetryHandler telemetry;
    private readonly ILogger<ExternalIngestionClient> logger;
    private readonly IMqttClient client;
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim connectionLost = new(0);
    private readonly TopicLanes lanes = new();
    private readonly CancellationTokenSource stopping = new();
    private int connection;
    private Task? supervisor;

    public ExternalIngestionClient(IOptions<BrokerOptions> options, TelemetryHandler telemetry, ILogger<ExternalIngestionClient> logger)
    {
        settings = options.Value.External;
        this.telemetry = telemetry;
        this.logger = logger;
        slots = new SemaphoreSlim(settings.MaxInFlight, settings.MaxInFlight);
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public bool IsConnected => client.IsConnected;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host checked the broker moments ago (Preflight); should it be gone already, the supervisor keeps trying.
        try
        {
            await ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Cannot connect to the MQTT broker {Endpoint} yet ({Reason}); retrying", settings.Endpoint, e.Message);
        }
        supervisor = SuperviseAsync(stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (supervisor is not null)
            await supervisor;
        // Readings already on their way to twins are acknowledged; the rest stay with the broker for next time.
        var deadline = DateTime.UtcNow + DrainTimeout;
        while (slots.CurrentCount < settings.MaxInFlight && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                logger.LogDebug(e, "Disconnecting from the MQTT broker failed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
            await StopAsync(CancellationToken.None);
        client.Dispose();
        stopping.Dispose();
        slots.Dispose();
        connectionLost.Dispose();
    }

    /// <summary>A command or result from the host, at QoS 1. Without a connection it is dropped with a warning: twins keep their desired state and send it again when the device reports back online.</summary>
    public Task PublishAsync(string topic, byte[] payload) => PublishAsync(topic, payload, null);

    private async Task PublishAsync(string topic, byte[] payload, byte[]? correlationData)
    {
        if (!client.IsConnected)
        {
            logger.LogWarning("Not connected to the MQTT broker {Endpoint}: {Topic} not sent", settings.Endpoint, topic);
            return;
        }
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData(correlationData)
            .Build();
        var result = await client.PublishAsync(message, stopping.Token);
        if (!result.IsSuccess)
            logger.LogWarning("The MQTT broker refused {Topic}: {Reason} {Detail}", topic, result.ReasonCode, result.ReasonString);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = settings.HostConnection.ToOptionsBuilder()
            .WithClientId(settings.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)settings.MaxInFlight)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        // Acknowledgements of messages received on an earlier connection are not sent on this one.
        Interlocked.Increment(ref connection);
        var connected = await client.ConnectAsync(options, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"refused: {connected.ResultCode} {connected.ReasonString}".Trim());
        // Subscribing again even to a resumed session: Mosquitto 2.0 restores a session's shared subscriptions from its
        // persistence file only partly after a restart, and subscribing again is harmless where they are intact.
        var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(DeviceAclTemplate.HostTelemetrySubscription(), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(DeviceAclTemplate.HostStatusSubscription(), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        if (subscribed.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
            throw new InvalidOperationException($"subscription {refused.TopicFilter.Topic} refused ({refused.ResultCode}); does '{settings.HostUsername}' hold the role {DeviceAclTemplate.HostRoleName}?");
        logger.LogInformation("Connected to the MQTT broker {Endpoint} as {ClientId} ({Session})",
            settings.Endpoint, settings.ClientId, connected.IsSessionPresent ? "session resumed" : "new session");
    }

    /// <summary>Reconnects whenever the connection is lost, waiting longer after each failure (up to 30 s).</summary>
    private async Task SuperviseAsync(CancellationToken token)
    {
        var delay = FirstRetry;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (client.IsConnected)
                {
                    delay = FirstRetry;
                    await connectionLost.WaitAsync(token);
                    continue;
                }
                try
                {
                    await ConnectAsync(token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Cannot connect to the MQTT broker {Endpoint} ({Reason}); retrying in {Delay} s", settings.Endpoint, e.Message, delay.TotalSeconds);
                    await Task.Delay(delay, token);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (!stopping.IsCancellationRequested && e.ClientWasConnected)
        {
            logger.LogWarning("Lost the MQTT broker {Endpoint}: {Reason} {Detail}", settings.Endpoint, e.Reason, e.Exception?.Message);
            connectionLost.Release();
        }
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        var receivedOn = Volatile.Read(ref connection);
        try
        {
            // Holding the client's receive loop here is the backpressure: the broker sends no more than the receive maximum.
            await slots.WaitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return; // stopping: not acknowledged, so the broker delivers it again
        }
        _ = lanes.Run(e.ApplicationMessage.Topic, () => ProcessAsync(e, receivedOn));
    }

    private async Task ProcessAsync(MqttApplicationMessageReceivedEventArgs e, int receivedOn)
    {
        try
        {
            var verdict = await ApplyAsync(e.ApplicationMessage);
            if (verdict is { BatchResult: { } result, ResultTopic: { } resultTopic })
                await SendResultAsync(resultTopic, result, e.ApplicationMessage.CorrelationData);
            if (receivedOn == Volatile.Read(ref connection) && client.IsConnected)
                await e.AcknowledgeAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the readings were applied: the broker keeps the message for the next start.
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Acknowledging {Topic} to the MQTT broker failed; it will be delivered again", e.ApplicationMessage.Topic);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// Refusals (bad topic, payload, values) are answers, acknowledged like successes: the handler counts and logs
    /// them. A failure to reach the twins is retried, holding the message's slot, until it succeeds or the silo stops.
    /// </summary>
    private async Task<PublishVerdict> ApplyAsync(MqttApplicationMessage message)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await telemetry.HandleBrokeredAsync(message.Topic, message);
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !stopping.IsCancellationRequested)
            {
                CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", "unavailable"));
                logger.LogWarning(failure, "Readings on {Topic} could not be applied; retrying in {Delay} s", message.Topic, delay.TotalSeconds);
                await Task.Delay(delay, stopping.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    /// <summary>
    /// The readings are applied whether or not the result arrives, so a result that cannot be sent is only
    /// logged: the message is still acknowledged, since sending it again would apply nothing new.
    /// </summary>
    private async Task SendResultAsync(string resultTopic, BatchResultMessage result, byte[]? correlationData)
    {
        try
        {
            await PublishAsync(resultTopic, TelemetryHandler.Serialize(result), correlationData);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException failure)
        {
            logger.LogWarning("The batch result for {Topic} was not sent: {Reason}", resultTopic, failure.Message);
        }
    }
}
