using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Commands;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// One simulated device: its hidden physics (each kind's own), and what every reading carries on the
/// wire: the device clock, its boot epoch (the boot time in Unix milliseconds, so it only grows) and a
/// sequence number that restarts with every boot.
/// </summary>
public abstract class DeviceModel
{
    private long sequence;
    private DateTimeOffset? lastRead;

    protected DeviceModel(CityAsset asset, SimulationWorld world, TimeSpan interval)
    {
        Asset = asset;
        World = world;
        Interval = interval;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(world.City.Districts.First(d => d.Id == asset.DistrictId).TimeZone);
        Random = StableRandom.For(world.Seed, asset.Id);
    }

    public CityAsset Asset { get; }

    /// <summary>How often the device reports, in simulated time.</summary>
    public TimeSpan Interval { get; }

    public long BootEpoch { get; private set; }

    protected SimulationWorld World { get; }

    protected TimeZoneInfo Zone { get; }

    /// <summary>This device's own stream of chance, seeded from the city's seed and its id.</summary>
    protected Random Random { get; }

    public void Boot(DateTimeOffset at)
    {
        BootEpoch = Math.Max(BootEpoch + 1, at.ToUnixTimeMilliseconds());
        sequence = 0;
    }

    /// <summary>Advances the physics to <paramref name="now"/> and returns the reading, stamped.</summary>
    public ReadingMessage Read(DateTimeOffset now)
    {
        if (BootEpoch == 0)
            Boot(now);
        var elapsed = lastRead is { } last && now > last ? now - last : TimeSpan.Zero;
        lastRead = now;
        var message = Measure(now, TimeZoneInfo.ConvertTime(now, Zone), elapsed);
        message.Ts = now;
        message.Boot = BootEpoch;
        message.Seq = sequence++;
        return message;
    }

    /// <summary>
    /// Takes a command that arrived over MQTT at <paramref name="now"/>, and notes what came of it in the journal.
    /// The device confirms it the protocol's way: by what its next readings report.
    /// </summary>
    public CommandOutcome Obey(DeviceCommand command, DateTimeOffset now)
    {
        var outcome = Apply(command, now);
        Tell(outcome.Applied ? $"command obeyed: {outcome.What}" : $"command ignored: {command.Name}: {outcome.What}");
        return outcome;
    }

    /// <summary>What a command does to this kind of device; by default nothing (it takes no commands).</summary>
    protected virtual CommandOutcome Apply(DeviceCommand command, DateTimeOffset now) =>
        CommandOutcome.Ignored($"a {Asset.Kind.Segment()} takes no commands");

    protected abstract ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed);

    /// <summary>True with the probability that an event of <paramref name="perHour"/> happens within <paramref name="elapsed"/>.</summary>
    protected bool Chance(double perHour, TimeSpan elapsed) => Random.NextDouble() < 1 - Math.Exp(-perHour * elapsed.TotalHours);

    /// <summary>Gaussian noise (Box–Muller).</summary>
    protected double Noise(double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

    protected void Tell(string what) => World.Journal.Record(Asset.Id, what);
}
