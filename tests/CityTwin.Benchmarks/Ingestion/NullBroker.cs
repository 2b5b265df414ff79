using System.Net;
using CityTwin.Ingestion.Broker;
using CityTwin.Ingestion.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Server;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>
/// The broker alone: MQTTnet's server on the embedded broker's guarded transport and server options,
/// whose publish handler only counts the message and drops it (no subscriber, nothing forwarded, as
/// the embedded broker drops telemetry once handled). It admits any client.
/// </summary>
public sealed class NullBroker : IAsyncDisposable
{
    private readonly MqttServer server;
    private readonly GuardedTcpServerAdapter adapter;
    private long received;

    private NullBroker(MqttServer server, GuardedTcpServerAdapter adapter)
    {
        this.server = server;
        this.adapter = adapter;
        server.InterceptingPublishAsync += e =>
        {
            Interlocked.Increment(ref received);
            e.ProcessPublish = false;
            return Task.CompletedTask;
        };
    }

    public int Port => adapter.BoundPorts[0];

    /// <summary>Messages the handler saw.</summary>
    public long Received => Interlocked.Read(ref received);

    public static async Task<NullBroker> StartAsync(int maxPacketBytes)
    {
        var adapter = new GuardedTcpServerAdapter([new BrokerEndpoint(IPAddress.Loopback, 0, null)], maxPacketBytes, new RateLimitedLog(NullLogger.Instance, TimeProvider.System, TimeSpan.FromSeconds(10)), NullLogger.Instance);
        var server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithPersistentSessions().Build(), [adapter]);
        var broker = new NullBroker(server, adapter);
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        server.Dispose();
    }
}
