using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CityTwin.Grains.Telemetry;
using CityTwin.Ingestion.Broker;
using Microsoft.Extensions.Logging;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace CityTwin.Ingestion.Transport;

/// <summary>One TCP endpoint of the embedded broker, optionally TLS.</summary>
public sealed record BrokerEndpoint(IPAddress Address, int Port, X509Certificate2? Certificate);

/// <summary>
/// The embedded broker's TCP listeners (MQTTnet's own adapter cannot limit packet size): every connection's
/// bytes pass a <see cref="PacketGuard"/> before MQTTnet's packet reader sees them.
/// </summary>
public sealed class GuardedTcpServerAdapter(IReadOnlyList<BrokerEndpoint> endpoints, int maxPacketBytes, RateLimitedLog refusals, ILogger logger) : IMqttServerAdapter
{
    private readonly List<TcpListener> listeners = [];
    private CancellationTokenSource? stopping;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Ports actually bound, in the order of the endpoints (port 0 resolves to a free one).</summary>
    public IReadOnlyList<int> BoundPorts => listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        stopping = new CancellationTokenSource();
        foreach (var endpoint in endpoints)
        {
            var listener = new TcpListener(endpoint.Address, endpoint.Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            listener.Start(backlog: 1024);
            listeners.Add(listener);
            _ = AcceptAsync(listener, endpoint, options, mqttLogger, stopping.Token);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        stopping?.Cancel();
        foreach (var listener in listeners)
            listener.Stop();
        listeners.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, BrokerEndpoint endpoint, MqttServerOptions options, IMqttNetLogger mqttLogger, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellation);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (cancellation.IsCancellationRequested)
                    return;
                logger.LogWarning(e, "Accepting an MQTT connection on port {Port} failed", endpoint.Port);
                continue;
            }
            _ = Task.Run(() => ServeAsync(socket, endpoint, options, mqttLogger), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, BrokerEndpoint endpoint, MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        var remote = socket.RemoteEndPoint;
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            socket.NoDelay = true;
            X509Certificate2? clientCertificate = null;
            if (endpoint.Certificate is { } certificate)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var handshake = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    EncryptionPolicy = EncryptionPolicy.RequireEncryption,
                }, handshake.Token);
                clientCertificate = tls.RemoteCertificate as X509Certificate2;
            }
            var guard = new PacketGuard(maxPacketBytes);
            var guarded = new PacketGuardStream(stream, guard, refusal => Refused(remote, refusal));
            var channel = new MqttTcpChannel(guarded, socket.LocalEndPoint!, remote!, clientCertificate!);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, mqttLogger) { AllowPacketFragmentation = true };
            if (ClientHandler is { } handler)
                await handler(adapter);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug(e, "MQTT connection from {Remote} ended", remote);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "MQTT connection from {Remote} failed", remote);
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private void Refused(EndPoint? remote, PacketRefusal refusal)
    {
        CityTwinMetrics.MqttRefusals.Add(1, new KeyValuePair<string, object?>("reason", refusal.Reason));
        refusals.Refused(refusal.Reason, $"{remote}", "the connection, which was closed", refusal.Detail);
    }
}
