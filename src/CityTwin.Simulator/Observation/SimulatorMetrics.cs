using System.Diagnostics.Metrics;
using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Mqtt;

namespace CityTwin.Simulator.Observation;

/// <summary>The simulator's side as metrics (meter <see cref="MeterName"/>): what it sent, what was acknowledged or refused, what happened in the city.</summary>
public sealed class SimulatorMetrics : IDisposable
{
    public const string MeterName = "CityTwin.Simulator";

    private readonly Meter meter = new(MeterName);

    public SimulatorMetrics(PublishStats stats, SimulationJournal journal)
    {
        meter.CreateObservableCounter("citytwin.simulator.messages", () => stats.Messages, "{message}", "MQTT messages published");
        meter.CreateObservableCounter("citytwin.simulator.readings", () => stats.Readings, "{reading}", "readings published (a gateway message carries many)");
        meter.CreateObservableCounter("citytwin.simulator.acknowledged", () => stats.Acknowledged, "{message}", "messages the broker accepted (QoS 1)");
        meter.CreateObservableCounter("citytwin.simulator.rejected", () => stats.Rejected, "{reading}", "readings the host refused");
        meter.CreateObservableGauge("citytwin.simulator.connections", () => stats.Connections, "{connection}", "devices and gateways connected");
        meter.CreateObservableCounter("citytwin.simulator.events", () => journal.Counts.Select(c =>
            new Measurement<long>(c.Value, new KeyValuePair<string, object?>("event", c.Key))), "{event}", "what happened in the simulated city");
    }

    public void Dispose() => meter.Dispose();
}
