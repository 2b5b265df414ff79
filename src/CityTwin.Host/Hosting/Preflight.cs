using System.Net;
using System.Net.Sockets;
using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using CityTwin.Ingestion.Broker;

namespace CityTwin.Host.Hosting;

/// <summary>
/// Checks, before anything starts, what would otherwise fail deep inside start-up with a stack trace:
/// the data directory, the database, the ports, and in External mode the broker. Each failure names its setting.
/// </summary>
public static class Preflight
{
    public static async Task CheckAsync(CityTwinSettings settings, StorageEndpoint storage, CancellationToken cancellationToken)
    {
        if (settings.Storage.Provider == StorageProvider.Sqlite)
            EnsureWritableDirectory("Storage:DataDirectory", settings.Storage.DataDirectory);
        else
            await EnsureReachableAsync("Storage:ConnectionString", storage, cancellationToken);

        var http = settings.Http.Url;
        EnsurePortFree("Http:Url", HostAddress(http.Host), http.Port);
        var siloAddress = settings.Clustering.Provider == ClusteringProvider.Localhost
            ? IPAddress.Loopback
            : settings.Clustering.AdvertisedAddress;
        EnsurePortFree("Clustering:SiloPort", siloAddress, settings.Clustering.SiloPort);
        EnsurePortFree("Clustering:GatewayPort", siloAddress, settings.Clustering.GatewayPort);
        if (settings.Mqtt.Mode == BrokerMode.Embedded)
        {
            // Often a Mosquitto installed on the machine holds 1883.
            var mqttAddress = IPAddress.Parse(settings.Mqtt.BindAddress);
            EnsurePortFree("Mqtt:Port", mqttAddress, settings.Mqtt.Port);
            if (settings.Mqtt.TlsPort is { } tlsPort)
                EnsurePortFree("Mqtt:TlsPort", mqttAddress, tlsPort);
        }
        else if (settings.Mqtt.Mode == BrokerMode.External)
        {
            await ExternalBrokerPreflight.CheckAsync(settings.Mqtt.External, cancellationToken);
        }
    }

    private static void EnsureWritableDirectory(string setting, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(setting, $"cannot write to '{directory}': {e.Message}");
        }
    }

    private static async Task EnsureReachableAsync(string setting, StorageEndpoint storage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await storage.PingAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? "no answer within 15 s" : e.Message;
            throw new ConfigurationException(setting, $"cannot reach {storage.Description}: {reason}");
        }
    }

    private static void EnsurePortFree(string setting, IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationException(setting, $"port {port} on {address} is already in use by another process");
        }
        catch (SocketException e)
        {
            throw new ConfigurationException(setting, $"cannot listen on {address}:{port}: {e.Message}");
        }
        finally
        {
            listener.Stop();
        }
    }

    internal static IPAddress HostAddress(string host) =>
        host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
}
