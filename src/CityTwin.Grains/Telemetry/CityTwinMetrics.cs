using System.Diagnostics.Metrics;

namespace CityTwin.Grains.Telemetry;

/// <summary>The CityTwin meter: every CityTwin instrument is created here, so their names live in one place.</summary>
public static class CityTwinMetrics
{
    public const string MeterName = "CityTwin";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Accepted changes to the city directory, tagged by operation (upsert, remove).</summary>
    public static readonly Counter<long> DirectoryChanges =
        Meter.CreateCounter<long>("citytwin.directory.changes", unit: "{change}", description: "Accepted changes to the city's district directory");

    /// <summary>Commands refused for bad input, tagged by the command.</summary>
    public static readonly Counter<long> RejectedCommands =
        Meter.CreateCounter<long>("citytwin.commands.rejected", unit: "{command}", description: "Commands refused because their input was invalid");

    /// <summary>Readings that reached a twin over MQTT, tagged by outcome (applied, duplicate, late, rejected) and shape (single, batch).</summary>
    public static readonly Counter<long> MqttReadings =
        Meter.CreateCounter<long>("citytwin.mqtt.readings", unit: "{reading}", description: "Readings received over MQTT, by what became of them");

    /// <summary>MQTT messages, readings or connections refused by the broker, tagged by reason (topic, acl, payload, twin, batch readings as payload, rate, size, malformed, auth, clientid, busy, unavailable).</summary>
    public static readonly Counter<long> MqttRefusals =
        Meter.CreateCounter<long>("citytwin.mqtt.refusals", unit: "{refusal}", description: "What the MQTT front-end refused, by reason");

    /// <summary>Time from a telemetry message's arrival to its readings applied to their twins.</summary>
    public static readonly Histogram<double> MqttApplyDuration =
        Meter.CreateHistogram<double>("citytwin.mqtt.apply.duration", unit: "ms", description: "Telemetry message arrival to twins updated");

    /// <summary>Commands published to devices.</summary>
    public static readonly Counter<long> MqttCommands =
        Meter.CreateCounter<long>("citytwin.mqtt.commands", unit: "{command}", description: "Commands published to devices over MQTT");
}
