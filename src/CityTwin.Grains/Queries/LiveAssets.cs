using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Queries;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Queries;

/// <summary>
/// Reads an asset from its live twin as the query API shows it: two interleaving reads (its status, its kind's
/// view), a third (its record) only when the district did not know where it stands.
/// </summary>
public static class LiveAssets
{
    /// <summary>The asset now; null when it is not (or no longer) an active asset.</summary>
    public static async Task<AssetListItem?> ReadAsync(IGrainFactory grains, AssetKind kind, string assetId, GeoPoint? knownLocation)
    {
        var twin = TwinGrains.Get(grains, kind, assetId);
        var statusCall = twin.GetStatus();
        var kindCall = ReadKindAsync(grains, kind, assetId);
        var status = await statusCall;
        var view = await kindCall;
        if (status.Lifecycle != AssetLifecycle.Active || status.DistrictId is not { } district || view is null)
            return null;
        var location = view.Location ?? knownLocation ?? (await twin.GetRecord())?.Provision.Location;
        return new AssetListItem(
            assetId, kind, district, location, view.Status, status.Stale, view.SensorHealth, view.FillingLevel,
            view.PredictedFullAt, view.PredictedFullConfidence, status.LastHeardAt, view.Bands, view.Values);
    }

    /// <summary>The asset's history series, each cut to its last <paramref name="maxSamples"/> points.</summary>
    public static async Task<IReadOnlyList<HistorySeries>?> ReadHistoryAsync(IGrainFactory grains, AssetKind kind, string assetId, int maxSamples)
    {
        IEnumerable<HistorySeries>? series = kind switch
        {
            AssetKind.Bin => await grains.GetGrain<IBinGrain>(assetId).GetTwin() is { } bin
                ? [Series("fillingLevel", "fraction", bin.History.Select(s => (s.At, s.FillingLevel)))]
                : null,
            AssetKind.Streetlight => await grains.GetGrain<IStreetlightGrain>(assetId).GetTwin() is { } light
                ? [
                    Series("illuminanceLevel", "fraction", light.History.Select(s => (s.At, s.Level))),
                    Series("powerConsumption", "W", light.History.Select(s => (s.At, s.Watts))),
                ]
                : null,
            AssetKind.Intersection => await grains.GetGrain<IIntersectionGrain>(assetId).GetTwin() is { } crossing
                ? crossing.Approaches
                    .Select(a => Series($"intensity.{a.Id}", "veh/h", a.RecentFlow.Select(f => (f.At, f.Intensity))))
                    .Concat(crossing.TravelTimeSamples.GroupBy(s => s.SegmentId, StringComparer.Ordinal)
                        .Select(g => Series($"travelTime.{g.Key}", "s", g.Select(s => (s.At, s.Seconds)))))
                : null,
            AssetKind.Truck => await grains.GetGrain<ITruckGrain>(assetId).GetTwin() is { } truck
                ? [
                    Series("latitude", "degrees", truck.Track.Select(p => (p.At, p.Location.Latitude))),
                    Series("longitude", "degrees", truck.Track.Select(p => (p.At, p.Location.Longitude))),
                ]
                : null,
            AssetKind.AirQuality => await grains.GetGrain<IAirQualityGrain>(assetId).GetTwin() is { } air
                ? [
                    Series("pm25", "µg/m³", air.History.Where(h => h.Pm25 is not null).Select(h => (h.Hour, h.Pm25!.Value))),
                    Series("pm10", "µg/m³", air.History.Where(h => h.Pm10 is not null).Select(h => (h.Hour, h.Pm10!.Value))),
                    Series("no2", "µg/m³", air.History.Where(h => h.No2 is not null).Select(h => (h.Hour, h.No2!.Value))),
                    Series("o3", "µg/m³", air.History.Where(h => h.O3 is not null).Select(h => (h.Hour, h.O3!.Value))),
                ]
                : null,
            _ => null,
        };
        return series?.Select(s => s.Points.Count > maxSamples ? s with { Points = [.. s.Points.Skip(s.Points.Count - maxSamples)] } : s).ToList();
    }

    private static HistorySeries Series(string name, string unit, IEnumerable<(DateTimeOffset At, double Value)> points) =>
        new(name, unit, [.. points.Select(p => new HistoryPoint(p.At, p.Value))]);

    private sealed record KindView(
        GeoPoint? Location,
        string Status,
        string? SensorHealth,
        double? FillingLevel,
        DateTimeOffset? PredictedFullAt,
        double? PredictedFullConfidence,
        IReadOnlyDictionary<string, string> Bands,
        IReadOnlyDictionary<string, double> Values);

    private static async Task<KindView?> ReadKindAsync(IGrainFactory grains, AssetKind kind, string assetId) => kind switch
    {
        AssetKind.Bin => await grains.GetGrain<IBinGrain>(assetId).GetTwin() is { } bin ? Of(bin) : null,
        AssetKind.Streetlight => await grains.GetGrain<IStreetlightGrain>(assetId).GetTwin() is { } light ? Of(light) : null,
        AssetKind.Intersection => await grains.GetGrain<IIntersectionGrain>(assetId).GetTwin() is { } crossing ? Of(crossing) : null,
        AssetKind.Truck => await grains.GetGrain<ITruckGrain>(assetId).GetTwin() is { } truck ? Of(truck) : null,
        AssetKind.AirQuality => await grains.GetGrain<IAirQualityGrain>(assetId).GetTwin() is { } air ? Of(air) : null,
        _ => null,
    };

    private static KindView Of(BinTwin bin) => new(
        null, bin.Status, bin.SensorHealth, bin.FillingLevel, bin.PredictedFullAt,
        bin.PredictedFullAt is null ? null : bin.PredictedFullConfidence,
        Bands((PictureBands.Fill, PictureBands.Quarter(bin.FillingLevel)), (PictureBands.Status, bin.Status), (PictureBands.Health, bin.SensorHealth)),
        Values(("cargoWeight", bin.CargoWeight), ("temperature", bin.Temperature)));

    private static KindView Of(StreetlightTwin light)
    {
        var level = light.IlluminanceLevel ?? light.DesiredLevel ?? 0;
        var power = light.PowerState switch
        {
            LightPowerState.On => "on",
            LightPowerState.Low => "dimmed",
            _ => "off",
        };
        return new(
            null, light.Status, null, null, null, null,
            Bands((PictureBands.Power, power), (PictureBands.Level, PictureBands.Tenths(level)), (PictureBands.Status, light.Status)),
            Values(("illuminanceLevel", light.IlluminanceLevel), ("powerConsumption", light.PowerConsumption)));
    }

    private static KindView Of(IntersectionTwin crossing)
    {
        var intensity = crossing.Approaches.Sum(a => a.Intensity);
        return new(
            null, crossing.Congested, null, null, null, null,
            Bands((PictureBands.Congestion, crossing.Congested), (PictureBands.Traffic, PictureBands.TrafficBand(intensity))),
            Values(("intensity", intensity)));
    }

    private static KindView Of(TruckTwin truck) => new(
        truck.Location, truck.ServiceStatus, null, null, null, null,
        Bands((PictureBands.Status, truck.ServiceStatus), (PictureBands.Load, PictureBands.Quarter(truck.CapacityKg > 0 ? truck.LoadFraction : null))),
        Values(("cargoWeight", truck.CargoWeight), ("speed", truck.Speed), ("loadFraction", truck.LoadFraction)));

    private static KindView Of(AirQualityTwin air)
    {
        var level = air.AirQualityLevel ?? PictureBands.Unknown;
        var health = air.Pollutants.Any(p => p.DriftSuspect) ? "suspect" : "ok";
        return new(
            null, level, health, null, null, null,
            Bands((PictureBands.AirQuality, level), (PictureBands.Health, health)),
            Values(("airQualityIndex", air.AirQualityIndex), ("pm25", air.Pm25), ("pm10", air.Pm10), ("no2", air.No2), ("o3", air.O3)));
    }

    private static Dictionary<string, string> Bands(params (string Name, string Value)[] bands) =>
        bands.ToDictionary(b => b.Name, b => b.Value, StringComparer.Ordinal);

    private static Dictionary<string, double> Values(params (string Name, double? Value)[] values) =>
        values.Where(v => v.Value is { } x && double.IsFinite(x)).ToDictionary(v => v.Name, v => v.Value!.Value, StringComparer.Ordinal);
}
