using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;
using CityTwin.Domain.Streetlights;
using CityTwin.Routing.Problems;
using CityTwin.Savings.Simulation;

namespace CityTwin.Savings.District;

/// <summary>A bin as provisioned (what the twin knows) and its hidden truth (what only the simulator knows).</summary>
public sealed record SimulatedBin(string Id, PlanePoint Position, BinPlace Place, BinParameters Parameters, TrueFill Truth, int SensorSeed);

/// <summary>A streetlight as provisioned, with the intersection next to it (if any) and its hidden passers-by.</summary>
public sealed record SimulatedLight(string Id, StreetlightParameters Lamp, int? Intersection, StreetKind Street, double PresenceScale, int PresenceSeed);

/// <summary>An intersection's hidden traffic: arterial or local, with its own level.</summary>
public sealed record SimulatedIntersection(string Id, bool Arterial, double Scale);

/// <summary>
/// A district generated from a seed: bins with hidden fill processes, lights with hidden passers-by, intersections
/// with hidden traffic. The same seed gives the same district, down to every sensor's noise.
/// </summary>
public sealed class GeneratedDistrict
{
    private const int BinStream = 1, SensorStream = 2, LightStream = 3, PresenceStream = 4, TrafficStream = 5;

    /// <summary>The fill process starts this long before the warm-up, so the schedule's phases are under way when it begins.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(28);

    private GeneratedDistrict(int seed, DistrictSettings settings)
    {
        Seed = seed;
        Settings = settings;
        Zone = settings.Zone;
        WeekStartsAt = LocalClock.StartOfDay(settings.WeekStart, Zone);
        WeekEndsAt = LocalClock.StartOfDay(settings.WeekStart.AddDays(settings.WeekDays), Zone);
        WarmUpStartsAt = LocalClock.StartOfDay(settings.WeekStart.AddDays(-settings.WarmUpDays), Zone);
        Origin = WarmUpStartsAt - History;
    }

    public int Seed { get; }

    public DistrictSettings Settings { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Where the hidden fill processes start.</summary>
    public DateTimeOffset Origin { get; }

    public DateTimeOffset WarmUpStartsAt { get; }

    public DateTimeOffset WeekStartsAt { get; }

    public DateTimeOffset WeekEndsAt { get; }

    public IReadOnlyList<SimulatedBin> Bins { get; private set; } = [];

    public IReadOnlyList<SimulatedLight> Lights { get; private set; } = [];

    public IReadOnlyList<SimulatedIntersection> Intersections { get; private set; } = [];

    public static GeneratedDistrict Generate(int seed, DistrictSettings? settings = null)
    {
        settings ??= new DistrictSettings();
        var district = new GeneratedDistrict(seed, settings);
        var hours = (int)Math.Ceiling((district.WeekEndsAt - district.Origin).TotalHours) + 24;
        var weights = Enum.GetValues<BinPlace>().ToDictionary(p => p, FillPattern.Weights);
        var bins = new List<SimulatedBin>(settings.Bins);
        for (var i = 0; i < settings.Bins; i++)
        {
            var random = new SeededRandom(SeededRandom.Derive(seed, BinStream, i));
            var position = new PlanePoint(random.Uniform(0, settings.SideMetres), random.Uniform(0, settings.SideMetres));
            var place = random.Uniform() switch { < 0.6 => BinPlace.Residential, < 0.85 => BinPlace.Commercial, _ => BinPlace.Leisure };
            // Days from empty to the fullness threshold at the mean rate: from busy corners to quiet lanes.
            var daysToThreshold = random.LogUniform(1.2, 8);
            var meanRate = settings.FullnessThreshold / (daysToThreshold * 24);
            var truth = TrueFill.Draw(random, district.Origin, hours, meanRate, weights[place], district.Zone, surgeChancePerDay: 0.03, surgeFill: 0.3);
            var parameters = new BinParameters
            {
                BinCapacityLitres = settings.BinCapacityLitres,
                BinFullnessThreshold = settings.FullnessThreshold,
                DepthCm = settings.BinDepthCm,
            };
            bins.Add(new SimulatedBin($"bin-{i:D4}", position, place, parameters, truth, SeededRandom.Derive(seed, SensorStream, i)));
        }

        var intersections = new List<SimulatedIntersection>(settings.Intersections);
        for (var i = 0; i < settings.Intersections; i++)
        {
            var random = new SeededRandom(SeededRandom.Derive(seed, TrafficStream, i));
            intersections.Add(new SimulatedIntersection($"x-{i:D3}", random.Chance(0.4), random.Uniform(0.7, 1.3)));
        }

        var lights = new List<SimulatedLight>(settings.Lights);
        for (var i = 0; i < settings.Lights; i++)
        {
            var random = new SeededRandom(SeededRandom.Derive(seed, LightStream, i));
            var street = random.Uniform() switch { < 0.55 => StreetKind.Residential, < 0.8 => StreetKind.Commercial, _ => StreetKind.Path };
            int? intersection = street != StreetKind.Path && settings.Intersections > 0 && random.Chance(0.4) ? random.Below(settings.Intersections) : null;
            var lamp = new StreetlightParameters { RatedPowerWatts = settings.LampRatedWatts, StandbyPowerWatts = settings.LampStandbyWatts };
            lights.Add(new SimulatedLight($"light-{i:D4}", lamp, intersection, street, random.LogNormalFactor(0.5), SeededRandom.Derive(seed, PresenceStream, i)));
        }

        district.Bins = bins;
        district.Intersections = intersections;
        district.Lights = lights;
        return district;
    }
}
