using CityTwin.Contracts.Streetlights;
using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Commands;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// A street lamp with a light sensor, a presence sensor and a power meter: on from dusk to dawn (brighter
/// while pedestrians pass at night), reporting what it draws. Lamps fail now and then (a dead driver draws
/// a fraction of its power; a column fault draws nothing), and stay failed until replaced. Once the district
/// commands a level (<c>setLevel</c>) the lamp burns at it, day or night, until the next command: the city's
/// dimming decides, and the node keeps the level through a reboot as a real controller does.
/// </summary>
public sealed class StreetlightModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private const double StandbyWatts = 0.5;
    private readonly double ratedWatts;
    private readonly double failuresPerHour;
    private LampFailure failure;
    private DateTimeOffset? levelIssuedAt;

    public StreetlightModel(CityAsset asset, SimulationWorld world, TimeSpan interval)
        : base(asset, world, interval)
    {
        ratedWatts = asset.Parameters.RatedPowerWatts!.Value;
        // Mean time to failure of a few months, some lamps much worse.
        failuresPerHour = Random.NextDouble() < 0.1 ? 1.0 / 200 : 1.0 / 4_000;
        failure = Random.NextDouble() < 0.02 ? LampFailure.DeadDriver : LampFailure.None;
    }

    public enum LampFailure { None, DeadDriver, ColumnFault }

    public LampFailure Failure => failure;

    /// <summary>The level last commanded; null while the lamp follows its own light and presence sensors.</summary>
    public double? CommandedLevel { get; private set; }

    protected override CommandOutcome Apply(DeviceCommand command, DateTimeOffset now)
    {
        if (command is not SetLevelCommand setLevel)
            return CommandOutcome.Ignored("a streetlight takes only setLevel");
        // A command redelivered after a newer one must not undo it; a repeat of the same one is harmless.
        if (levelIssuedAt is { } last && setLevel.IssuedAt < last)
            return CommandOutcome.Ignored($"issued at {setLevel.IssuedAt:O}, before the level in force (issued {last:O})");
        (CommandedLevel, levelIssuedAt) = (setLevel.Level, setLevel.IssuedAt);
        return CommandOutcome.Done($"level {setLevel.Level:0.##}");
    }

    protected override ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        if (failure == LampFailure.None && Chance(failuresPerHour, elapsed))
        {
            failure = Random.Next(3) == 0 ? LampFailure.ColumnFault : LampFailure.DeadDriver;
            Tell($"lamp failed: {(failure == LampFailure.ColumnFault ? "no supply in the column" : "driver dead")}");
        }
        var lux = World.Environment.AmbientLux(now, Asset.Latitude, Asset.Longitude);
        var pedestrians = CityEnvironment.PedestriansPerHour(local);
        var presence = Random.NextDouble() < 1 - Math.Exp(-pedestrians * Interval.TotalHours / 6);
        var dark = lux < 50;
        // Commanded: that level. Else dark: full while someone is about, half otherwise (the lamp's own presence dimming).
        var level = CommandedLevel ?? (!dark ? 0 : presence ? 1.0 : 0.5);
        var watts = failure switch
        {
            LampFailure.ColumnFault => 0,
            LampFailure.DeadDriver => level > 0 ? ratedWatts * 0.08 : StandbyWatts,
            _ => StandbyWatts + ratedWatts * level * (1 + Noise(0.01)),
        };
        return new StreetlightMessage
        {
            PowerState = level == 0 ? LightPowerState.Off : level < 1 ? LightPowerState.Low : LightPowerState.On,
            IlluminanceLevel = level,
            PowerConsumption = Math.Round(Math.Max(0, watts), 2),
            AmbientLux = lux,
            PresenceDetected = presence,
        };
    }
}
