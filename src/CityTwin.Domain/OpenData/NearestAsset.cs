using CityTwin.Domain.Common;

namespace CityTwin.Domain.OpenData;

/// <summary>An asset where it stands, as a citizen's report is matched against.</summary>
public readonly record struct PlacedAsset(string AssetId, double Latitude, double Longitude);

/// <summary>The asset a citizen's report is about: the nearest of the matching kind within a walking distance.</summary>
public static class NearestAsset
{
    /// <summary>A report farther than this from every asset of its kind names none (it still becomes an alert, unlinked).</summary>
    public const double DefaultMaxMetres = 150;

    /// <summary>The nearest candidate within <paramref name="maxMetres"/>; ties go to the smaller id (ordinal). Null when none is that close.</summary>
    public static (PlacedAsset Asset, double Metres)? Find(double latitude, double longitude, IEnumerable<PlacedAsset> candidates, double maxMetres = DefaultMaxMetres)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        (PlacedAsset Asset, double Metres)? best = null;
        foreach (var candidate in candidates)
        {
            var metres = GeoDistance.HaversineMetres(latitude, longitude, candidate.Latitude, candidate.Longitude);
            if (metres > maxMetres)
                continue;
            if (best is not { } current || metres < current.Metres
                || metres == current.Metres && string.CompareOrdinal(candidate.AssetId, current.Asset.AssetId) < 0)
                best = (candidate, metres);
        }
        return best;
    }
}
