using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// An air-quality station: particulates and NO₂ follow traffic, rain washes particulates out, ozone builds
/// in sunshine and is eaten by NO₂. Some sensors drift: their readings creep away from the truth day by day.
/// </summary>
public sealed class AirQualityModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    private readonly HashSet<string> pollutants;
    private readonly double background;
    private readonly double driftPerDay;
    private double drift = 1;
    private bool driftAnnounced;

    public AirQualityModel(CityAsset asset, SimulationWorld world, TimeSpan interval)
        : base(asset, world, interval)
    {
        pollutants = [.. asset.Parameters.Pollutants!];
        background = 0.8 + Random.NextDouble() * 0.4;
        driftPerDay = Random.NextDouble() < 0.15 ? (Random.Next(2) == 0 ? 1 : -1) * (0.05 + Random.NextDouble() * 0.1) : 0;
    }

    public double Drift => drift;

    protected override ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        drift = Math.Clamp(drift + driftPerDay * elapsed.TotalDays, 0.2, 3);
        if (!driftAnnounced && Math.Abs(drift - 1) > 0.2)
        {
            driftAnnounced = true;
            Tell($"air sensor drifting: reads {drift:0.00} of the truth");
        }
        var traffic = CityEnvironment.TrafficLevel(local);
        var washout = World.Environment.IsWet(now) ? 0.55 : 1;
        var sun = Math.Max(0, Math.Sin(CityEnvironment.SunElevationDegrees(now, Asset.Latitude, Asset.Longitude) * Math.PI / 180));
        var pm25 = (5 + 18 * traffic) * background * washout * (1 + Noise(0.1));
        var no2 = (12 + 45 * traffic) * background * (1 + Noise(0.1));
        var o3 = Math.Max(2, 35 + 60 * sun - 0.4 * no2 + Noise(4));
        double? Value(string name, double truth) => pollutants.Contains(name) ? Math.Round(Math.Clamp(truth * drift, 0, 900), 1) : null;
        return new AirQualityMessage
        {
            Pm25 = Value("pm25", pm25),
            Pm10 = Value("pm10", pm25 * 1.7),
            No2 = Value("no2", no2),
            O3 = Value("o3", o3),
            Temperature = World.Environment.TemperatureC(now, Asset.Latitude, local),
            RelativeHumidity = World.Environment.HumidityPercent(now),
        };
    }
}
