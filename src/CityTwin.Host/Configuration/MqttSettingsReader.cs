using System.Globalization;
using System.Net;
using CityTwin.Ingestion.Broker;

namespace CityTwin.Host.Configuration;

/// <summary>Reads section <c>Mqtt</c>; anything unusable is a <see cref="ConfigurationException"/> naming the setting.</summary>
public static class MqttSettingsReader
{
    /// <param name="siloPort">Part of External mode's default client id, which must differ between silos of one machine.</param>
    public static BrokerOptions Read(IConfiguration configuration, int siloPort)
    {
        var defaults = new BrokerOptions();
        var options = new BrokerOptions
        {
            Mode = SettingsReader.ReadEnum("Mqtt:Mode", configuration["Mqtt:Mode"], defaults.Mode),
            BindAddress = ReadAddress(configuration["Mqtt:BindAddress"], defaults.BindAddress),
            Port = SettingsReader.ReadPort("Mqtt:Port", configuration["Mqtt:Port"], defaults.Port),
            TlsPort = string.IsNullOrWhiteSpace(configuration["Mqtt:TlsPort"]) ? null : SettingsReader.ReadPort("Mqtt:TlsPort", configuration["Mqtt:TlsPort"], 0),
            TlsCertificate = configuration["Mqtt:TlsCertificate"],
            TlsKey = configuration["Mqtt:TlsKey"],
            TlsCertificatePassword = configuration["Mqtt:TlsCertificatePassword"],
            MaxPacketBytes = ReadInt("Mqtt:MaxPacketBytes", configuration["Mqtt:MaxPacketBytes"], defaults.MaxPacketBytes, 128, 256 * 1024 * 1024),
            MaxConnections = ReadInt("Mqtt:MaxConnections", configuration["Mqtt:MaxConnections"], defaults.MaxConnections, 1, 10_000_000),
            MessagesPerSecond = ReadRate("Mqtt:MessagesPerSecond", configuration["Mqtt:MessagesPerSecond"], defaults.MessagesPerSecond),
            MessageBurst = ReadInt("Mqtt:MessageBurst", configuration["Mqtt:MessageBurst"], defaults.MessageBurst, 1, 10_000_000),
            GatewayMessagesPerSecond = ReadRate("Mqtt:GatewayMessagesPerSecond", configuration["Mqtt:GatewayMessagesPerSecond"], defaults.GatewayMessagesPerSecond),
            GatewayMessageBurst = ReadInt("Mqtt:GatewayMessageBurst", configuration["Mqtt:GatewayMessageBurst"], defaults.GatewayMessageBurst, 1, 10_000_000),
        };
        if (options.Mode == BrokerMode.External)
            options.External = ExternalSettingsReader.Read(configuration, siloPort);
        if (options.TlsPort is { } tlsPort)
        {
            if (tlsPort == options.Port)
                throw new ConfigurationException("Mqtt:TlsPort", $"must differ from Mqtt:Port ({options.Port})");
            if (string.IsNullOrWhiteSpace(options.TlsCertificate))
                throw new ConfigurationException("Mqtt:TlsCertificate", "is required when Mqtt:TlsPort is set (a PEM certificate with Mqtt:TlsKey, or a PFX file)");
            if (!File.Exists(options.TlsCertificate))
                throw new ConfigurationException("Mqtt:TlsCertificate", $"'{options.TlsCertificate}' does not exist");
            if (options.TlsKey is { } key && !File.Exists(key))
                throw new ConfigurationException("Mqtt:TlsKey", $"'{key}' does not exist");
        }
        return options;
    }

    private static string ReadAddress(string? text, string fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return IPAddress.TryParse(text.Trim(), out _)
            ? text.Trim()
            : throw new ConfigurationException("Mqtt:BindAddress", $"'{text}' is not an IP address (0.0.0.0 listens on every interface)");
    }

    internal static int ReadInt(string setting, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException(setting, $"'{text}' is not a whole number from {min} to {max}");
    }

    private static double ReadRate(string setting, string? text, double fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ConfigurationException(setting, $"'{text}' is not a positive number of messages a second");
    }
}
