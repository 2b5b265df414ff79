namespace CityTwin.Ingestion.External;

/// <summary>Settings of section <c>Mqtt:External</c>: the Mosquitto broker the host is a client of (Mqtt:Mode External).</summary>
public sealed class ExternalBrokerOptions
{
    public const string DefaultAdminUsername = "citytwin-admin";
    public const string DefaultHostUsername = "citytwin-host";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    /// <summary>With TLS: a PEM certificate to trust as the broker's root (a private CA), instead of the system's store.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>The dynamic-security admin made by <c>mosquitto_ctrl dynsec init</c>: the host keeps device accounts with it.</summary>
    public string AdminUsername { get; set; } = DefaultAdminUsername;

    public string AdminPassword { get; set; } = "";

    /// <summary>The account the host's ingestion clients use; created with the host's role when the broker has none of this name.</summary>
    public string HostUsername { get; set; } = DefaultHostUsername;

    public string HostPassword { get; set; } = "";

    /// <summary>This silo's client id: stable across restarts, so its persistent session (and backlog) is found again; unique per silo.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>How long the broker keeps this silo's session and queue while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Messages this silo holds unacknowledged at once (MQTT 5 receive maximum, and the bound on readings
    /// applied concurrently): when the twins are slow, the broker stops sending rather than a queue growing here.
    /// </summary>
    public int MaxInFlight { get; set; } = 256;

    public BrokerConnection AdminConnection => new(Host, Port, AdminUsername, AdminPassword, UseTls, CaCertificate);

    public BrokerConnection HostConnection => new(Host, Port, HostUsername, HostPassword, UseTls, CaCertificate);

    public string Endpoint => $"{Host}:{Port}{(UseTls ? " (TLS)" : "")}";
}
