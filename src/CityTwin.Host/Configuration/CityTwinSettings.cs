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

public sealed record ClusteringSettings(
    ClusteringProvider Provider,
    string? ConnectionString,
    string ServiceId,
    string ClusterId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedAddress);

public sealed record HttpSettings(Uri Url);

/// <summary>Everything the host reads from configuration, checked once at start.</summary>
public sealed record CityTwinSettings(StorageSettings Storage, ClusteringSettings Clustering, HttpSettings Http, BrokerOptions Mqtt, DeviceSettings Devices);

/// <summary>
/// Where the key that device secrets are hashed under comes from: <c>Devices:CredentialKey</c> (base64, at
/// least 32 bytes), else the file <c>Devices:CredentialKeyFile</c>, by default <c>device-credential.key</c>
/// in the data directory, created on first start. Every silo of a cluster must use the same key.
/// </summary>
public sealed record DeviceSettings(string? CredentialKey, string CredentialKeyFile);
