using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// A waste bin with an ultrasonic fill sensor and a load cell. Waste arrives by local time of day and
/// weekday with noise and the odd bulky dump; a truck empties it. Some sensors fail when wet (stuck on one
/// distance, or jumping about), a few are broken from the start, and now and then a bin catches fire.
/// </summary>
public sealed class BinModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    private readonly double capacityLitres;
    private readonly double depthCm;
    private readonly double maxLoadKg;
    private readonly double litresPerHour;
    private readonly double weekendFactor;
    private readonly double densityKgPerLitre;
    private readonly SensorFailure failureWhenWet;
    private readonly double firesPerHour;
    private double litres;
    private SensorFailure failure;
    private double stuckDistanceCm;
    private bool erraticHigh;
    private DateTimeOffset? dryAgainUntil;
    private DateTimeOffset? burningUntil;
    private string? pendingCollectionId;

    public BinModel(CityAsset asset, SimulationWorld world, TimeSpan interval)
        : base(asset, world, interval)
    {
        capacityLitres = asset.Parameters.BinCapacityLitres!.Value;
        depthCm = asset.Parameters.DepthCm!.Value;
        maxLoadKg = asset.Parameters.MaxLoadKg!.Value;
        // Full in one to eight days on an average day.
        litresPerHour = capacityLitres / (24 + Random.NextDouble() * 168);
        weekendFactor = Random.NextDouble() < 0.3 ? 1.8 : 0.8;
        densityKgPerLitre = 0.08 + Random.NextDouble() * 0.12;
        failureWhenWet = Random.NextDouble() switch { < 0.08 => SensorFailure.Stuck, < 0.16 => SensorFailure.Erratic, _ => SensorFailure.None };
        firesPerHour = Random.NextDouble() < 0.05 ? 0.01 : 0.0002;
        litres = capacityLitres * Random.NextDouble() * 0.85;
        // A few sensors are already broken when the simulation starts (as in any real fleet).
        failure = Random.NextDouble() < 0.03 ? (Random.Next(2) == 0 ? SensorFailure.Stuck : SensorFailure.Erratic) : SensorFailure.None;
        stuckDistanceCm = DistanceFor(litres);
    }

    public enum SensorFailure { None, Stuck, Erratic }

    public double FillLevel => litres / capacityLitres;

    public SensorFailure Failure => failure;

    public bool Burning => burningUntil is not null;

    public double WeightKg => Math.Min(maxLoadKg, litres * densityKgPerLitre);

    /// <summary>Litres an hour arriving at this local time: little at night, most around midday and early evening.</summary>
    public double FillRate(DateTimeOffset local)
    {
        var h = local.TimeOfDay.TotalHours;
        var daily = 0.25 + 1.2 * Math.Exp(-Math.Pow((h - 13) / 3.5, 2) / 2) + 0.5 * Math.Exp(-Math.Pow((h - 19) / 1.5, 2) / 2);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekendFactor : 1;
        return litresPerHour * daily * weekend;
    }

    /// <summary>A truck lifts the bin: returns the kilograms lifted; the bin's own RFID reader records the same collection id.</summary>
    public double Collect(string collectionId)
    {
        var lifted = WeightKg;
        litres = capacityLitres * 0.01;
        pendingCollectionId = collectionId;
        // A stuck sensor is not freed by an emptying; an erratic one dries out in the truck's wake no sooner either.
        return Math.Round(lifted, 1);
    }

    protected override ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        var hours = elapsed.TotalHours;
        litres += Math.Max(0, FillRate(local) * hours * (1 + Noise(0.2)));
        if (Chance(0.01, elapsed))
            litres += capacityLitres * (0.1 + Random.NextDouble() * 0.2);
        // Overflowing waste piles up beside the bin; the sensor sees a full bin.
        litres = Math.Min(litres, capacityLitres * 1.15);

        var wet = World.Environment.IsWet(now);
        UpdateSensor(now, wet);
        UpdateFire(now, elapsed);

        var ambient = World.Environment.TemperatureC(now, Asset.Latitude, local);
        var message = new BinMessage
        {
            DistanceCm = Math.Round(SensedDistance(), 1),
            CargoWeight = Math.Round(WeightKg + Math.Abs(Noise(0.3)), 1),
            Temperature = Math.Round(burningUntil is not null ? 150 + Random.NextDouble() * 250 : ambient + 1.5 + Noise(0.3), 1),
            Wet = wet,
            HumidityPercent = World.Environment.HumidityPercent(now),
            CollectionId = pendingCollectionId,
        };
        pendingCollectionId = null;
        return message;
    }

    private void UpdateSensor(DateTimeOffset now, bool wet)
    {
        if (wet && failure == SensorFailure.None && failureWhenWet != SensorFailure.None)
        {
            failure = failureWhenWet;
            stuckDistanceCm = DistanceFor(litres);
            Tell($"bin sensor failed: {failure.ToString().ToLowerInvariant()} in wet weather");
        }
        if (wet)
            dryAgainUntil = null;
        else if (failure != SensorFailure.None && failureWhenWet != SensorFailure.None && dryAgainUntil is null)
            dryAgainUntil = now + TimeSpan.FromHours(12 + Random.NextDouble() * 36);
        if (dryAgainUntil is { } until && now >= until && failure != SensorFailure.None)
        {
            failure = SensorFailure.None;
            dryAgainUntil = null;
            Tell("bin sensor recovered: dried out");
        }
    }

    private void UpdateFire(DateTimeOffset now, TimeSpan elapsed)
    {
        if (burningUntil is { } until && now >= until)
        {
            burningUntil = null;
            litres *= 0.3;
            Tell("bin fire out");
        }
        else if (burningUntil is null && FillLevel > 0.2 && Chance(firesPerHour, elapsed))
        {
            burningUntil = now + TimeSpan.FromMinutes(20 + Random.NextDouble() * 40);
            Tell("bin on fire");
        }
    }

    private double SensedDistance() => failure switch
    {
        SensorFailure.Stuck => stuckDistanceCm,
        // Condensation on the transducer: echoes from the lid one time, from the bottom the next.
        SensorFailure.Erratic => (erraticHigh = !erraticHigh) ? depthCm * 0.05 : depthCm * 0.95,
        _ => Math.Clamp(DistanceFor(litres) + Noise(1), 0, depthCm),
    };

    private double DistanceFor(double fillLitres) => Math.Max(0, depthCm * (1 - Math.Min(1, fillLitres / capacityLitres)));
}
