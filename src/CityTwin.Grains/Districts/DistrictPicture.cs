using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;

namespace CityTwin.Grains.Districts;

/// <summary>
/// The district's live aggregates, kept incrementally: each asset's latest picture, counts per kind, band and
/// value, and sums per kind and measure. Replacing an asset's picture moves its counts and sums from the old
/// values to the new, so a query never looks at the assets themselves.
/// </summary>
public sealed class DistrictPicture
{
    private readonly Dictionary<string, (AssetKind Kind, AssetPicture Picture)> assets = new(StringComparer.Ordinal);
    private readonly Dictionary<(AssetKind, string Band, string Value), int> counts = [];
    private readonly Dictionary<(AssetKind, string Measure), double> sums = [];

    public AssetPicture? Of(string assetId) => assets.TryGetValue(assetId, out var known) ? known.Picture : null;

    public IEnumerable<string> AssetsOf(AssetKind kind) => assets.Where(a => a.Value.Kind == kind).Select(a => a.Key);

    /// <summary>Takes an asset's picture now; returns the one it replaced.</summary>
    public AssetPicture? Set(string assetId, AssetKind kind, AssetPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var previous = Remove(assetId);
        assets[assetId] = (kind, picture);
        Add(kind, picture, +1);
        return previous;
    }

    public AssetPicture? Remove(string assetId)
    {
        if (!assets.Remove(assetId, out var known))
            return null;
        Add(known.Kind, known.Picture, -1);
        return known.Picture;
    }

    /// <summary>How many assets of <paramref name="kind"/> have each value of <paramref name="band"/>.</summary>
    public IReadOnlyDictionary<string, int> CountsOf(AssetKind kind, string band) =>
        counts.Where(c => c.Key.Item1 == kind && c.Key.Band == band && c.Value > 0)
            .ToDictionary(c => c.Key.Value, c => c.Value, StringComparer.Ordinal);

    public double Sum(AssetKind kind, string measure) => sums.GetValueOrDefault((kind, measure));

    private void Add(AssetKind kind, AssetPicture picture, int sign)
    {
        foreach (var (band, value) in picture.Bands)
        {
            var key = (kind, band, value);
            var count = counts.GetValueOrDefault(key) + sign;
            if (count > 0) counts[key] = count;
            else counts.Remove(key);
        }
        foreach (var (measure, value) in picture.Measures)
        {
            if (double.IsFinite(value))
                sums[(kind, measure)] = sums.GetValueOrDefault((kind, measure)) + sign * value;
        }
    }
}
