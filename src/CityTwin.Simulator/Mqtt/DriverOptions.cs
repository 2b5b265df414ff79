using MQTTnet.Protocol;

namespace CityTwin.Simulator.Mqtt;

/// <summary>How the driver talks to the broker and how hard.</summary>
public sealed record DriverOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    public bool Tls { get; init; }

    public MqttQualityOfServiceLevel Qos { get; init; } = MqttQualityOfServiceLevel.AtLeastOnce;

    /// <summary>Readings a second over the whole city; null keeps each kind's natural interval (scaled by the clock).</summary>
    public double? ReadingsPerSecond { get; init; }

    /// <summary>Every connection publishes again as soon as its previous message was acknowledged (within its rate limit).</summary>
    public bool AsFastAsAcknowledged { get; init; }

    /// <summary>Stay under the host's per-client limits (Mqtt:MessagesPerSecond, Mqtt:GatewayMessagesPerSecond), or it disconnects us.</summary>
    public double DeviceMessagesPerSecond { get; init; } = 90;

    public double GatewayMessagesPerSecond { get; init; } = 1_800;

    /// <summary>Connections opened at once while the city connects.</summary>
    public int ConnectConcurrency { get; init; } = 32;

    /// <summary>How often a device reboots (new boot epoch, reconnect with its status topic), per simulated day.</summary>
    public double RebootsPerDay { get; init; } = 0.2;

    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
