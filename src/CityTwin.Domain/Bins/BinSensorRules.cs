using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// The fill sensor's health: ok → suspect on the first faulty reading → failed after
/// <see cref="BinRuleOptions.FaultsToFail"/> faulty readings (fewer than
/// <see cref="BinRuleOptions.GoodReadingsToRecover"/> good ones in between). Suspect → ok after that
/// many good readings in a row. Failed → ok only after a collection followed by a reading of a
/// near-empty bin (<see cref="BinRuleOptions.PostCollectionMaxLevel"/>) and then that many good readings,
/// or when the device is replaced. Signals are balanced per code: <c>sensor.suspect</c> is cleared when it
/// turns failed, and <c>sensor.failed</c> is cleared when it recovers.
/// </summary>
public static class BinSensorRules
{
    private const int GoodReadingsCap = 10_000;

    /// <summary>Takes in one reading with a level: faulty (<paramref name="fault"/> set) or good.</summary>
    public static void Observe(BinSensorState sensor, SensorFault? fault, DateTimeOffset at, BinRuleOptions options, List<TwinSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signals);
        if (fault is { } f)
        {
            sensor.GoodReadings = 0;
            sensor.Reason = f;
            switch (sensor.Health)
            {
                case SensorHealth.Ok:
                    sensor.Health = SensorHealth.Suspect;
                    sensor.Since = at;
                    sensor.Faults = 1;
                    signals.Add(new(TwinSignalKind.FaultRaised, BinSignalCodes.SensorSuspect, BinSignalCodes.Of(f)));
                    break;
                case SensorHealth.Suspect:
                    sensor.Faults++;
                    if (sensor.Faults >= options.FaultsToFail)
                    {
                        sensor.Health = SensorHealth.Failed;
                        sensor.Since = at;
                        sensor.Recovery = SensorRecovery.None;
                        signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect, "failed"));
                        signals.Add(new(TwinSignalKind.FaultRaised, BinSignalCodes.SensorFailed, BinSignalCodes.Of(f)));
                    }

                    break;
                case SensorHealth.Failed:
                    sensor.Faults = Math.Min(sensor.Faults + 1, GoodReadingsCap);
                    break;
            }

            return;
        }

        sensor.GoodReadings = Math.Min(sensor.GoodReadings + 1, GoodReadingsCap);
        switch (sensor.Health)
        {
            case SensorHealth.Suspect when sensor.GoodReadings >= options.GoodReadingsToRecover:
                BackToOk(sensor, at);
                signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect, "consistent readings"));
                break;
            case SensorHealth.Failed when sensor.Recovery != SensorRecovery.Armed:
                sensor.GoodReadings = 0;
                break;
            case SensorHealth.Failed when sensor.GoodReadings >= options.GoodReadingsToRecover:
                BackToOk(sensor, at);
                signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorFailed, "consistent readings after an emptying"));
                break;
        }
    }

    /// <summary>A collection report explains the unexplained drop: the fault it caused is withdrawn.</summary>
    public static void DropExplained(BinSensorState sensor, DateTimeOffset at, List<TwinSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(signals);
        if (sensor.Health == SensorHealth.Suspect && sensor.Faults <= 1 && sensor.Reason == SensorFault.FillDropWithoutCollection)
        {
            BackToOk(sensor, at);
            signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect, "fill drop explained by a collection"));
        }
        else if (sensor.Faults > 0)
        {
            sensor.Faults--;
        }
    }

    /// <summary>A new device: health starts afresh. Returns the clearing signal of a suspect or failed sensor.</summary>
    public static TwinSignal? Replace(BinState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = state.Sensor.Health;
        state.Sensor = new BinSensorState { Since = at };
        return previous switch
        {
            SensorHealth.Suspect => new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorSuspect, "device replaced"),
            SensorHealth.Failed => new(TwinSignalKind.FaultCleared, BinSignalCodes.SensorFailed, "device replaced"),
            _ => null,
        };
    }

    private static void BackToOk(BinSensorState sensor, DateTimeOffset at)
    {
        sensor.Health = SensorHealth.Ok;
        sensor.Since = at;
        sensor.Reason = null;
        sensor.Faults = 0;
        sensor.GoodReadings = 0;
        sensor.Recovery = SensorRecovery.None;
    }
}
