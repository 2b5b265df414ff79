using System.Text.RegularExpressions;

namespace CityTwin.Domain.Intersections;

/// <summary>Id rules for intersection data; to be unified with the other asset kinds later.</summary>
internal static partial class IntersectionIds
{
    public const int MaxLength = 64;

    /// <summary>Asset ids appear in MQTT topics and URLs: lower-case slugs, as for districts.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex AssetIdPattern();

    /// <summary>Approach and segment ids come from imported road networks ("osm:123", "N-2"), so allow more.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
    private static partial Regex LocalIdPattern();

    public static string? CheckAssetId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxLength || !AssetIdPattern().IsMatch(id)
            ? $"'{id}' must be 1 to {MaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit"
            : null;

    public static string? CheckLocalId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxLength || !LocalIdPattern().IsMatch(id)
            ? $"'{id}' must be 1 to {MaxLength} characters of letters, digits, '.', '_', ':' and '-', starting with a letter or digit"
            : null;
}
