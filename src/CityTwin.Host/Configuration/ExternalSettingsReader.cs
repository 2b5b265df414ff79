using System.Globalization;
using CityTwin.Domain.Common;
using CityTwin.Ingestion.External;

namespace CityTwin.Host.Configuration;

/// <summary>Reads section <c>Mqtt:External</c> (Mqtt:Mode External); anything unusable is a <see cref="ConfigurationException"/> naming the setting.</summary>
public static class ExternalSettingsReader
{
    private const string Section = "Mqtt:External:";

    public static ExternalBrokerOptions Read(IConfiguration configuration, int siloPort)
    {
        var defaults = new ExternalBrokerOptions();
        var useTls = ReadBool(configuration, "UseTls", false);
        var options = new ExternalBrokerOptions
        {
            Host = Required(configuration, "Host", "the Mosquitto broker's host name or address, e.g. 127.0.0.1"),
            UseTls = useTls,
            Port = SettingsReader.ReadPort(Section + "Port", configuration[Section + "Port"], useTls ? 8883 : 1883),
            CaCertificate = Optional(configuration, "CaCertificate"),
            AdminUsername = Optional(configuration, "AdminUsername") ?? defaults.AdminUsername,
            AdminPassword = Required(configuration, "AdminPassword", "the password of the dynamic-security admin made by `mosquitto_ctrl dynsec init` (the host keeps device accounts with it)"),
            HostUsername = Optional(configuration, "HostUsername") ?? defaults.HostUsername,
            HostPassword = Required(configuration, "HostPassword", "the password of the host's own Mosquitto account (created with it when absent), e.g. from `openssl rand -base64 24`"),
            ClientId = Optional(configuration, "ClientId") ?? DefaultClientId(siloPort),
            SessionExpiry = ReadSeconds(configuration, "SessionExpirySeconds", defaults.SessionExpiry),
            MaxInFlight = MqttSettingsReader.ReadInt(Section + "MaxInFlight", configuration[Section + "MaxInFlight"], defaults.MaxInFlight, 1, ushort.MaxValue),
        };
        if (options.CaCertificate is { } ca)
        {
            if (!options.UseTls)
                throw new ConfigurationException(Section + "CaCertificate", "is for TLS: set Mqtt:External:UseTls=true as well");
            if (!File.Exists(ca))
                throw new ConfigurationException(Section + "CaCertificate", $"'{ca}' does not exist");
        }
        foreach (var (name, value) in new[] { ("AdminUsername", options.AdminUsername), ("HostUsername", options.HostUsername), ("ClientId", options.ClientId) })
        {
            // These become broker usernames and client ids; keep them to the ids devices use too.
            if (Identifiers.Check(name, value) is { } bad)
                throw new ConfigurationException(Section + name, bad.Message);
        }
        if (options.HostUsername == options.AdminUsername)
            throw new ConfigurationException(Section + "HostUsername", "must differ from Mqtt:External:AdminUsername: the ingestion account must not administer the broker");
        return options;
    }

    /// <summary>
    /// Stable across restarts of this silo, so it finds its session again, and different for each silo of a
    /// machine: the machine's name and the silo port, as an id.
    /// </summary>
    private static string DefaultClientId(int siloPort)
    {
        var machine = new string([.. Environment.MachineName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var suffix = $"-{siloPort}";
        var id = $"{ExternalBrokerOptions.DefaultHostUsername}-{machine}";
        return (id.Length + suffix.Length > Identifiers.MaxLength ? id[..(Identifiers.MaxLength - suffix.Length)].TrimEnd('-') : id) + suffix;
    }

    private static string Required(IConfiguration configuration, string name, string what)
    {
        var value = configuration[Section + name];
        return string.IsNullOrWhiteSpace(value)
            ? throw new ConfigurationException(Section + name, $"is required when Mqtt:Mode is External: {what}")
            : value.Trim();
    }

    private static string? Optional(IConfiguration configuration, string name) =>
        string.IsNullOrWhiteSpace(configuration[Section + name]) ? null : configuration[Section + name]!.Trim();

    private static bool ReadBool(IConfiguration configuration, string name, bool fallback)
    {
        var text = configuration[Section + name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text, out var value)
            ? value
            : throw new ConfigurationException(Section + name, $"'{text}' is not true or false");
    }

    private static TimeSpan ReadSeconds(IConfiguration configuration, string name, TimeSpan fallback)
    {
        var text = configuration[Section + name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        // MQTT 5 carries it as 32-bit seconds; 0 would end the session at every disconnect, losing the backlog.
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ConfigurationException(Section + name, $"'{text}' is not a whole number of seconds above 0 (how long the broker keeps this silo's session and backlog)");
    }
}
