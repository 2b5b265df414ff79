using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;

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

    protected abstract ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed);

    /// <summary>True with the probability that an event of <paramref name="perHour"/> happens within <paramref name="elapsed"/>.</summary>
    protected bool Chance(double perHour, TimeSpan elapsed) => Random.NextDouble() < 1 - Math.Exp(-perHour * elapsed.TotalHours);

    /// <summary>Gaussian noise (Box–Muller).</summary>
    protected double Noise(double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

    protected void Tell(string what) => World.Journal.Record(Asset.Id, what);
}
