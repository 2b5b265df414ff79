using System.Globalization;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Trucks;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Observation;

/// <summary>
/// What the twins (not the simulator) believe about the simulated city at one moment: read through the
/// grain API, so the demo's log shows the twins' picture and tests can wait for it.
/// </summary>
public sealed record TwinPicture(
    int BinsHeard,
    int Bins,
    double? MeanFillLevel,
    int BinsFull,
    int SensorsSuspect,
    int SensorsFailed,
    int BinsBurning,
    int TrucksOnRoute,
    int TrucksBroken,
    int TrucksHeard,
    int TrucksDriven,
    long Collections,
    IReadOnlyDictionary<string, int> DistrictConditions)
{
    public static async Task<TwinPicture> TakeAsync(IGrainFactory grains, SimulatedCity city)
    {
        var bins = await Task.WhenAll(city.Assets.Where(a => a.Kind == AssetKind.Bin).Select(a => grains.GetGrain<IBinGrain>(a.Id).GetTwin()));
        var trucks = await Task.WhenAll(city.Assets.Where(a => a.Kind == AssetKind.Truck).Select(a => grains.GetGrain<ITruckGrain>(a.Id).GetTwin()));
        var counts = await Task.WhenAll(city.Districts.Select(d => grains.GetGrain<IDistrictGrain>(d.Id).GetCounts()));
        var heard = bins.Where(b => b?.LastReadingAt is not null).Select(b => b!).ToList();
        var conditions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, count) in counts.SelectMany(c => c.ActiveConditions))
            conditions[code] = conditions.GetValueOrDefault(code) + count;
        return new TwinPicture(
            heard.Count,
            bins.Length,
            heard.Where(b => b.FillingLevel is not null).Select(b => b.FillingLevel!.Value).DefaultIfEmpty().Average() is var mean && heard.Count > 0 ? mean : null,
            heard.Count(b => b.FillingLevel >= b.BinFullnessThreshold),
            heard.Count(b => b.SensorHealth.Equals("suspect", StringComparison.OrdinalIgnoreCase)),
            heard.Count(b => b.SensorHealth.Equals("failed", StringComparison.OrdinalIgnoreCase)),
            heard.Count(b => b.Status.Equals("burning", StringComparison.OrdinalIgnoreCase)),
            trucks.Count(t => t?.ServiceStatus.Equals("onRoute", StringComparison.OrdinalIgnoreCase) == true),
            trucks.Count(t => t?.ServiceStatus.Equals("broken", StringComparison.OrdinalIgnoreCase) == true),
            trucks.Count(t => t?.LastReadingAt is not null),
            trucks.Count(t => t is not null && t.Track.Select(p => p.Location).Distinct().Count() > 1),
            heard.Sum(b => b.Collections),
            conditions);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"bins heard {BinsHeard}/{Bins}, mean fill {MeanFillLevel:0.000}, full {BinsFull}, sensors suspect {SensorsSuspect} failed {SensorsFailed}, burning {BinsBurning}; " +
        $"trucks heard {TrucksHeard}, driven {TrucksDriven}, on route {TrucksOnRoute}, broken {TrucksBroken}; bin collections {Collections}; " +
        $"district conditions: {(DistrictConditions.Count == 0 ? "none" : string.Join(", ", DistrictConditions.Select(c => $"{c.Key} {c.Value}")))}");
}
