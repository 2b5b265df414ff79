using CityTwin.Contracts.Assets;

namespace CityTwin.Grains.Twins;

/// <summary>The twin grain of an asset, found by its kind.</summary>
public static class TwinGrains
{
    /// <summary>Grain classes by kind: each kind implements <see cref="IAssetTwinGrain"/> with its own class.</summary>
    private static readonly Dictionary<AssetKind, string> ClassNames = new()
    {
        [AssetKind.Bin] = "CityTwin.Grains.Bins.BinGrain",
        [AssetKind.Streetlight] = "CityTwin.Grains.Streetlights.StreetlightGrain",
        [AssetKind.Intersection] = "CityTwin.Grains.Intersections.IntersectionGrain",
        [AssetKind.Truck] = "CityTwin.Grains.Trucks.TruckGrain",
        [AssetKind.AirQuality] = "CityTwin.Grains.AirQuality.AirQualityGrain",
    };

    public static IAssetTwinGrain Get(IGrainFactory grains, AssetKind kind, string assetId) =>
        grains.GetGrain<IAssetTwinGrain>(assetId, ClassNames[kind]);
}
