using CityTwin.Contracts.Assets;

namespace CityTwin.Benchmarks.Twins;

/// <summary>
/// The city mix of ../shared/BENCHMARKS.md: 60% streetlights, 30% bins, 5% air-quality sensors,
/// 4% intersections, 1% trucks. Twin number i gets a kind by its position in each block of 100.
/// </summary>
public static class CityMix
{
    private static readonly (AssetKind Kind, int PerHundred)[] Shares =
    [
        (AssetKind.Streetlight, 60),
        (AssetKind.Bin, 30),
        (AssetKind.AirQuality, 5),
        (AssetKind.Intersection, 4),
        (AssetKind.Truck, 1),
    ];

    public static AssetKind KindOf(int index)
    {
        var slot = index % 100;
        foreach (var (kind, share) in Shares)
        {
            if (slot < share) return kind;
            slot -= share;
        }
        throw new InvalidOperationException("the shares add up to 100");
    }
}
