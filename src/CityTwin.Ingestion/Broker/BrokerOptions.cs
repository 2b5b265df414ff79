namespace CityTwin.Ingestion.Broker;

public enum BrokerMode
{
    /// <summary>The host runs an MQTT broker and handles publishes in-process.</summary>
    Embedded,
    /// <summary>The host subscribes to an existing broker (Mosquitto).</summary>
    External,
    /// <summary>No MQTT at all (a silo that only serves the API, or a tool).</summary>
    Off,
}

/// <summary>Settings of section <c>Mqtt</c>.</summary>
public sealed class BrokerOptions
{
    public const string Section = "Mqtt";

    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Where the embedded broker listens. Loopback by default, as the HTTP endpoint: open it to the network on purpose.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>A TLS listener when set, with <see cref="TlsCertificate"/> (PEM, or PFX) and <see cref="TlsKey"/> (PEM key, if the certificate has none).</summary>
    public int? TlsPort { get; set; }

    public string? TlsCertificate { get; set; }

    public string? TlsKey { get; set; }

    public string? TlsCertificatePassword { get; set; }

    /// <summary>Largest packet a client may send (remaining length), enforced from the fixed header.</summary>
    public int MaxPacketBytes { get; set; } = 256 * 1024;

    public int MaxConnections { get; set; } = 100_000;

    /// <summary>Messages a second one device may publish on average; it may burst to <see cref="MessageBurst"/>.</summary>
    public double MessagesPerSecond { get; set; } = 100;

    public int MessageBurst { get; set; } = 200;

    /// <summary>Gateways speak for many assets, so they get their own rate.</summary>
    public double GatewayMessagesPerSecond { get; set; } = 2_000;

    public int GatewayMessageBurst { get; set; } = 4_000;

    /// <summary>The broker the host is a client of, when <see cref="Mode"/> is <see cref="BrokerMode.External"/>.</summary>
    public External.ExternalBrokerOptions External { get; set; } = new();
}
