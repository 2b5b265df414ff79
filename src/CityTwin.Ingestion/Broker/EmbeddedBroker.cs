using System.Net;
using System.Security.Cryptography.X509Certificates;
using CityTwin.Contracts.Devices;
using CityTwin.Grains.Devices;
using CityTwin.Grains.Telemetry;
using CityTwin.Ingestion.Security;
using CityTwin.Ingestion.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CityTwin.Ingestion.Broker;

/// <summary>
/// The embedded MQTT broker (MQTTnet). Admits only devices with valid credentials whose client id is
/// their own id, holds them to their topics and limits, and hands their telemetry to the twins,
/// acknowledging QoS 1 only once the readings are applied. Commands to devices are injected here.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    DeviceDirectory directory,
    TelemetryHandler telemetry,
    CredentialKey credentialKey,
    RateLimitedLog refusals,
    TimeProvider time,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private const string BucketItem = "citytwin.bucket";
    private readonly BrokerOptions settings = options.Value;
    private readonly Lock admission = new();
    private MqttServer? server;
    private GuardedTcpServerAdapter? adapter;

    /// <summary>The ports bound: plain first, then TLS when configured.</summary>
    public IReadOnlyList<int> BoundPorts => adapter?.BoundPorts ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(settings.BindAddress);
        var endpoints = new List<BrokerEndpoint> { new(address, settings.Port, null) };
        if (settings.TlsPort is { } tlsPort)
            endpoints.Add(new BrokerEndpoint(address, tlsPort, LoadCertificate()));
        adapter = new GuardedTcpServerAdapter(endpoints, settings.MaxPacketBytes, refusals, logger);
        var serverOptions = new MqttServerOptionsBuilder().WithPersistentSessions().Build();
        server = new MqttServerFactory().CreateMqttServer(serverOptions, [adapter]);
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.ClientDisconnectedAsync += ClientDisconnectedAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        directory.CredentialChanged += DisconnectAsync;
        await server.StartAsync();
        logger.LogInformation("Embedded MQTT broker listening on {Address} port(s) {Ports}", settings.BindAddress, string.Join(", ", BoundPorts));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        directory.CredentialChanged -= DisconnectAsync;
        if (server is not null)
            await server.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.StopAsync();
            server.Dispose();
            server = null;
        }
    }

    /// <summary>Publishes a message from the host itself (commands, batch results), at QoS 1.</summary>
    public Task InjectAsync(string topic, byte[] payload, byte[]? correlationData = null)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithCorrelationData(correlationData)
            .Build();
        return server?.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)) ?? Task.CompletedTask;
    }

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // Credentials first, whatever else is wrong; 3.1.1 has no "not authorized" for this, MQTT 5 does.
        var refusedCredentials = e.ProtocolVersion == MqttProtocolVersion.V500
            ? MqttConnectReasonCode.NotAuthorized
            : MqttConnectReasonCode.BadUserNameOrPassword;
        var access = await AuthenticateAsync(e.UserName, e.RawPassword);
        if (access is null)
        {
            Refuse(e, refusedCredentials, "auth", "bad user name or password");
            return;
        }
        if (e.ClientId != access.DeviceId)
        {
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, "clientid", $"client id '{e.ClientId}' is not the device's own id '{access.DeviceId}'");
            return;
        }
        e.SessionItems[BucketItem] = access.Role == DeviceRole.Gateway
            ? new TokenBucket(settings.GatewayMessagesPerSecond, settings.GatewayMessageBurst, time)
            : new TokenBucket(settings.MessagesPerSecond, settings.MessageBurst, time);
        // Counted and admitted as one step, so concurrent CONNECTs cannot overshoot the limit; a device
        // already connected takes its own session over and adds no connection.
        lock (admission)
        {
            if (!directory.IsConnected(access.DeviceId) && directory.ConnectedCount >= settings.MaxConnections)
            {
                Refuse(e, MqttConnectReasonCode.ServerBusy, "busy", $"the broker already has {settings.MaxConnections} connections");
                return;
            }
            directory.Connected(access);
        }
    }

    private async Task<DeviceAccess?> AuthenticateAsync(string? userName, byte[]? password)
    {
        if (Domain.Common.Identifiers.Check("username", userName) is not null || password is not { Length: > 0 })
            return null;
        var access = await directory.FetchAsync(userName!);
        return credentialKey.Verify(password, access.SecretHash) ? access : null;
    }

    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, string reason, string detail)
    {
        e.ReasonCode = code;
        // MQTTnet would replace our refusal by "client id not valid" for an empty MQTT 5 client id.
        if (string.IsNullOrEmpty(e.ClientId))
            e.AssignedClientIdentifier = "refused";
        CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
        refusals.Refused(reason, string.IsNullOrEmpty(e.ClientId) ? "(no client id)" : e.ClientId, $"CONNECT from {e.RemoteEndPoint}", $"{code}: {detail}");
    }

    private Task ClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        // A takeover by the same device keeps its entry for the new session.
        if (e.DisconnectType != MqttClientDisconnectType.Takeover)
            directory.Disconnected(e.ClientId);
        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId))
            return; // the host's own commands and results
        if (e.SessionItems[BucketItem] is TokenBucket bucket && !bucket.TryTake())
        {
            CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", "rate"));
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            e.Response.ReasonString = "message rate too high";
            _ = DisconnectLaterAsync(e.ClientId, MqttDisconnectReasonCode.MessageRateTooHigh);
            return;
        }
        var access = await directory.GetAsync(e.ClientId);
        PublishVerdict verdict;
        try
        {
            verdict = await telemetry.HandleAsync(access, e.ApplicationMessage.Topic, e.ApplicationMessage);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The twins could not be reached: no acknowledgement, so a QoS 1 publisher sends it again.
            logger.LogWarning(failure, "Readings from {ClientId} on {Topic} could not be applied; closing its connection so it resends", e.ClientId, e.ApplicationMessage.Topic);
            CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", "unavailable"));
            e.ProcessPublish = false;
            e.CloseConnection = true;
            return;
        }
        e.Response.ReasonCode = verdict.ReasonCode;
        e.Response.ReasonString = verdict.ReasonString;
        // Telemetry goes to the twins, not to other subscribers; status is kept (retained presence).
        e.ProcessPublish = verdict.ReasonCode == MqttPubAckReasonCode.Success && e.ApplicationMessage.Topic.EndsWith("/status", StringComparison.Ordinal);
        if (verdict is { BatchResult: { } result, ResultTopic: { } resultTopic })
            await InjectAsync(resultTopic, TelemetryHandler.Serialize(result), e.ApplicationMessage.CorrelationData);
    }

    private async Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var access = await directory.GetAsync(e.ClientId);
        if (TopicAcl.CheckSubscribe(access, e.TopicFilter.Topic) is { } denied)
        {
            CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", "acl"));
            logger.LogInformation("MQTT subscription of {ClientId} refused: {Detail}", e.ClientId, denied);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            e.ReasonString = denied;
        }
    }

    private async Task DisconnectAsync(string deviceId)
    {
        if (server is null)
            return;
        try
        {
            await server.DisconnectClientAsync(deviceId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized, ReasonString = "credential revoked or rotated" });
            logger.LogInformation("Disconnected {DeviceId}: its credential was revoked or rotated", deviceId);
        }
        catch (InvalidOperationException)
        {
            // Not connected to this broker.
        }
    }

    private async Task DisconnectLaterAsync(string clientId, MqttDisconnectReasonCode code)
    {
        // Not from inside the client's own publish handling, which would wait for itself.
        await Task.Yield();
        try
        {
            await server!.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = code });
        }
        catch (InvalidOperationException)
        {
        }
    }

    private X509Certificate2 LoadCertificate()
    {
        var path = settings.TlsCertificate ?? throw new InvalidOperationException("Mqtt:TlsCertificate is required when Mqtt:TlsPort is set");
        var certificate = settings.TlsKey is { } key
            ? X509Certificate2.CreateFromPemFile(path, key)
            : path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, settings.TlsCertificatePassword);
        // An ephemeral PEM key cannot serve TLS on Linux until exported once.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
