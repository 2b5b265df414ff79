using System.Net;
using CityTwin.Ingestion.Broker;

namespace CityTwin.Host.Configuration;

public enum StorageProvider { Sqlite, PostgreSql }

public enum ClusteringProvider { Localhost, PostgreSql }

/// <summary>SQLite's durability level. Normal (with WAL) survives a process crash, not a power cut.</summary>
public enum SqliteSynchronous { Normal, Full }

public sealed record StorageSettings(
    StorageProvider Provider,
    string DataDirectory,
    string? ConnectionString,
    SqliteSynchronous Synchronous,
    bool ApplySchemaOnStart)
{
    public const string DatabaseFileName = "citytwin.db";

    public string SqliteFile => Path.Combine(DataDirectory, DatabaseFileName);
}

/// <summary>
/// What an external Orleans client (one that connects to the gateway port) may call: only the query contract
/// (<c>ICityQueryGrain</c>), unless it presents the host's admin token (the host's own CLI does), or everything
/// (<see cref="Full"/>: trusted tooling such as <c>sim provision</c>, on a private network only).
/// </summary>
public enum GatewayAccess { Query, Full }

/// <param name="GatewayListenAddress">
/// Where the gateway listens when <c>Clustering:GatewayListenAddress</c> says; else where the silo does: loopback
/// with localhost clustering, the advertised (private-network) address in a PostgreSQL cluster.
/// </param>
public sealed record ClusteringSettings(
    ClusteringProvider Provider,
    string? ConnectionString,
    string ServiceId,
    string ClusterId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedAddress,
    IPAddress? GatewayListenAddress = null,
    GatewayAccess GatewayAccess = GatewayAccess.Query);

public sealed record HttpSettings(Uri Url);

/// <summary>Everything the host reads from configuration, checked once at start.</summary>
public sealed record CityTwinSettings(StorageSettings Storage, ClusteringSettings Clustering, HttpSettings Http, BrokerOptions Mqtt, DeviceSettings Devices);

/// <summary>
/// Where the key that device secrets are hashed under comes from: <c>Devices:CredentialKey</c> (base64, at
/// least 32 bytes), else the file <c>Devices:CredentialKeyFile</c>, by default <c>device-credential.key</c>
/// in the data directory, created on first start. Every silo of a cluster must use the same key.
/// </summary>
public sealed record DeviceSettings(string? CredentialKey, string CredentialKeyFile);
