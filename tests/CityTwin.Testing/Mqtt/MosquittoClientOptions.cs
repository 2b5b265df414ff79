using System.Globalization;

namespace CityTwin.Testing.Mqtt;

public enum MqttVersion
{
    V311,
    V5,
}

/// <summary>A will message, as mosquitto_pub/sub's --will-* options send it.</summary>
public sealed record MqttWill(string Topic, string Payload, int Qos = 1, bool Retain = true);

/// <summary>How mosquitto_pub / mosquitto_sub connect: the options common to both tools.</summary>
public sealed record MosquittoClientOptions(string Host, int Port)
{
    public MqttVersion Version { get; init; } = MqttVersion.V311;
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? ClientId { get; init; }
    public int Qos { get; init; }

    /// <summary>Connect over TLS, trusting this certificate file.</summary>
    public string? CaFile { get; init; }

    public MqttWill? Will { get; init; }

    internal IEnumerable<string> Arguments()
    {
        yield return "-h"; yield return Host;
        yield return "-p"; yield return Port.ToString(CultureInfo.InvariantCulture);
        yield return "-V"; yield return Version == MqttVersion.V5 ? "mqttv5" : "mqttv311";
        yield return "-q"; yield return Qos.ToString(CultureInfo.InvariantCulture);
        if (Username is not null) { yield return "-u"; yield return Username; }
        if (Password is not null) { yield return "-P"; yield return Password; }
        if (ClientId is not null) { yield return "-i"; yield return ClientId; }
        if (CaFile is not null) { yield return "--cafile"; yield return CaFile; }
        if (Will is not null)
        {
            yield return "--will-topic"; yield return Will.Topic;
            yield return "--will-payload"; yield return Will.Payload;
            yield return "--will-qos"; yield return Will.Qos.ToString(CultureInfo.InvariantCulture);
            if (Will.Retain) yield return "--will-retain";
        }
    }
}
