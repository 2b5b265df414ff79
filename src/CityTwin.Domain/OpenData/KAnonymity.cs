namespace CityTwin.Domain.OpenData;

/// <summary>
/// The open-data rule against singling out: an area is published only when at least k assets stand behind its
/// figures, so no figure describes one device (or a handful a neighbour could tell apart).
/// </summary>
public static class KAnonymity
{
    public const int DefaultK = 5;

    /// <summary>Whether an area with <paramref name="assets"/> assets may be published under <paramref name="k"/>.</summary>
    public static bool Publishable(int assets, int k = DefaultK)
    {
        if (k < 1)
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1");
        return assets >= k;
    }

    /// <summary>The areas that may be published, in their order; the rest are left out entirely (not zeroed).</summary>
    public static IReadOnlyList<T> Publishable<T>(IEnumerable<T> areas, Func<T, int> assets, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(assets);
        return [.. areas.Where(a => Publishable(assets(a), k))];
    }
}
