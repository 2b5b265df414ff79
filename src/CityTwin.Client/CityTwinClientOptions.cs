using System.Net;

namespace CityTwin.Client;

/// <summary>Where a cluster's gateway is and which cluster to join there.</summary>
public sealed class CityTwinClientOptions
{
    /// <summary>The default gateway: the host's default port on loopback.</summary>
    public static readonly IPEndPoint DefaultGateway = new(IPAddress.Loopback, 30000);

    /// <summary>Gateways to connect to (any silo's gateway port); the client spreads its calls over them.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; set; } = [DefaultGateway];

    /// <summary>The cluster's <c>Clustering:ServiceId</c>.</summary>
    public string ServiceId { get; set; } = "citytwin";

    /// <summary>The cluster's <c>Clustering:ClusterId</c>.</summary>
    public string ClusterId { get; set; } = "citytwin";

    /// <summary>How long a query may take before the call fails.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to keep trying to reach a gateway at start.</summary>
    public TimeSpan ConnectPatience { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Parses <c>host:port</c> (an IP address or a DNS name; port 30000 when left out).</summary>
    public static IPEndPoint ParseGateway(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (IPEndPoint.TryParse(text, out var endpoint) && (endpoint.Port != 0 || !text.Contains(':', StringComparison.Ordinal)))
            return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, DefaultGateway.Port) : endpoint;
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : text;
        var port = DefaultGateway.Port;
        if (colon > 0 && !int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
            throw new FormatException($"'{text}' is not host:port");
        var address = Dns.GetHostAddresses(host).FirstOrDefault()
            ?? throw new FormatException($"'{host}' has no address");
        return new IPEndPoint(address, port);
    }
}
