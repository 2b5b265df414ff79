using System.Data.Common;
using System.Globalization;
using System.Net;
using Npgsql;

namespace CityTwin.Host.Configuration;

/// <summary>
/// Reads <see cref="CityTwinSettings"/> from configuration (appsettings.json beside the executable,
/// environment, command line) and refuses anything it cannot use with a <see cref="ConfigurationException"/>.
/// </summary>
public static class SettingsReader
{
    public const string DefaultDataDirectory = "data";
    public const string DefaultHttpUrl = "http://127.0.0.1:5080";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const string DeviceKeyFileName = "device-credential.key";

    /// <summary>
    /// Npgsql keeps one pool per connection string; storage, clustering and reminders share one string,
    /// so one pool. Kept well below PostgreSQL's default max_connections of 100.
    /// </summary>
    public const int DefaultPostgreSqlMaxPoolSize = 40;

    /// <param name="workingDirectory">Relative data directories are resolved against this, not against the executable's folder.</param>
    public static CityTwinSettings Read(IConfiguration configuration, string workingDirectory)
    {
        var storage = ReadStorage(configuration, workingDirectory);
        var clustering = ReadClustering(configuration, storage);
        var http = new HttpSettings(ReadHttpUrl(configuration));
        var mqtt = MqttSettingsReader.Read(configuration, clustering.SiloPort);
        var devices = ReadDevices(configuration, storage, workingDirectory);
        return new CityTwinSettings(storage, clustering, http, mqtt, devices);
    }

    /// <summary>
    /// The embedded default keeps its credential key beside its database. A PostgreSQL-backed host has no
    /// data directory of its own, and every silo must verify secrets under the same key, so it must be given.
    /// </summary>
    private static DeviceSettings ReadDevices(IConfiguration configuration, StorageSettings storage, string workingDirectory)
    {
        var key = NullIfEmpty(configuration["Devices:CredentialKey"]);
        var file = NullIfEmpty(configuration["Devices:CredentialKeyFile"]);
        if (key is null && file is null && storage.Provider == StorageProvider.PostgreSql)
            throw new ConfigurationException("Devices:CredentialKey",
                "is required with PostgreSQL storage, since every silo must hash device secrets under the same key: set it (base64, at least 32 random bytes, e.g. from `openssl rand -base64 32`) or Devices:CredentialKeyFile");
        return new DeviceSettings(key, Path.GetFullPath(file ?? Path.Combine(storage.DataDirectory, DeviceKeyFileName), workingDirectory));
    }

    private static StorageSettings ReadStorage(IConfiguration configuration, string workingDirectory)
    {
        var provider = ReadEnum("Storage:Provider", configuration["Storage:Provider"], StorageProvider.Sqlite);
        var dataDirectory = configuration["Storage:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory)) dataDirectory = DefaultDataDirectory;
        dataDirectory = Path.GetFullPath(dataDirectory, workingDirectory);
        var synchronous = ReadEnum("Storage:Sqlite:Synchronous", configuration["Storage:Sqlite:Synchronous"], SqliteSynchronous.Normal);
        var applySchema = ReadBool("Storage:ApplySchemaOnStart", configuration["Storage:ApplySchemaOnStart"], true);

        string? connectionString = null;
        if (provider == StorageProvider.PostgreSql)
        {
            connectionString = configuration["Storage:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new ConfigurationException("Storage:ConnectionString", "is required when Storage:Provider is PostgreSql (e.g. \"Host=db;Database=citytwin;Username=citytwin;Password=...\")");
            connectionString = BoundedPostgreSqlConnectionString("Storage:ConnectionString", connectionString);
        }
        return new StorageSettings(provider, dataDirectory, connectionString, synchronous, applySchema);
    }

    private static ClusteringSettings ReadClustering(IConfiguration configuration, StorageSettings storage)
    {
        var provider = ReadEnum("Clustering:Provider", configuration["Clustering:Provider"], ClusteringProvider.Localhost);
        string? connectionString = null;
        if (provider == ClusteringProvider.PostgreSql)
        {
            if (storage.Provider != StorageProvider.PostgreSql)
                throw new ConfigurationException("Clustering:Provider", "PostgreSql clustering needs Storage:Provider PostgreSql too: every silo of a cluster must read and write the same grain state");
            var configured = configuration["Clustering:ConnectionString"];
            connectionString = string.IsNullOrWhiteSpace(configured)
                ? storage.ConnectionString
                : BoundedPostgreSqlConnectionString("Clustering:ConnectionString", configured);
        }

        var siloPort = ReadPort("Clustering:SiloPort", configuration["Clustering:SiloPort"], DefaultSiloPort);
        var gatewayPort = ReadPort("Clustering:GatewayPort", configuration["Clustering:GatewayPort"], DefaultGatewayPort);
        if (siloPort == gatewayPort)
            throw new ConfigurationException("Clustering:GatewayPort", $"must differ from Clustering:SiloPort ({siloPort})");

        var advertised = IPAddress.Loopback;
        var advertisedText = configuration["Clustering:AdvertisedAddress"];
        if (!string.IsNullOrWhiteSpace(advertisedText) && !IPAddress.TryParse(advertisedText, out advertised))
            throw new ConfigurationException("Clustering:AdvertisedAddress", $"'{advertisedText}' is not an IP address");

        IPAddress? gatewayListen = null;
        var gatewayListenText = configuration["Clustering:GatewayListenAddress"];
        if (!string.IsNullOrWhiteSpace(gatewayListenText) && !IPAddress.TryParse(gatewayListenText, out gatewayListen))
            throw new ConfigurationException("Clustering:GatewayListenAddress", $"'{gatewayListenText}' is not an IP address");

        return new ClusteringSettings(
            provider,
            connectionString,
            ServiceId: NonEmpty(configuration["Clustering:ServiceId"], "citytwin"),
            ClusterId: NonEmpty(configuration["Clustering:ClusterId"], "citytwin"),
            siloPort,
            gatewayPort,
            advertised!,
            gatewayListen,
            ReadEnum("Clustering:GatewayAccess", configuration["Clustering:GatewayAccess"], GatewayAccess.Query));
    }

    private static Uri ReadHttpUrl(IConfiguration configuration)
    {
        var text = NonEmpty(configuration["Http:Url"], DefaultHttpUrl);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || !IPAddress.TryParse(url.Host, out _) && url.Host != "localhost")
            throw new ConfigurationException("Http:Url", $"'{text}' is not an http(s) URL with an IP address or localhost, e.g. {DefaultHttpUrl}");
        return url;
    }

    /// <summary>Adds a bounded pool size unless the operator chose one.</summary>
    private static string BoundedPostgreSqlConnectionString(string setting, string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(setting, $"is not a valid PostgreSQL connection string: {e.Message}");
        }
        var raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var poolSizeGiven = raw.Keys.Cast<string>().Any(k =>
            k.Replace(" ", "", StringComparison.Ordinal).Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
            || k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
        if (!poolSizeGiven) builder.MaxPoolSize = DefaultPostgreSqlMaxPoolSize;
        return builder.ConnectionString;
    }

    internal static T ReadEnum<T>(string setting, string? text, T fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
            return value;
        throw new ConfigurationException(setting, $"'{text}' is not supported; use one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static bool ReadBool(string setting, string? text, bool fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text, out var value)
            ? value
            : throw new ConfigurationException(setting, $"'{text}' is not true or false");
    }

    internal static int ReadPort(string setting, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ConfigurationException(setting, $"'{text}' is not a port number (1-65535)");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
}
