using System.Text.RegularExpressions;

namespace CityTwin.Domain.Intersections;

/// <summary>
/// Ids of approaches and road segments, which come from imported road networks. Asset ids (the
/// intersections themselves) follow <see cref="Common.Identifiers"/>.
/// </summary>
internal static partial class IntersectionIds
{
    public const int MaxLength = Common.Identifiers.MaxLength;

    /// <summary>Approach and segment ids come from imported road networks ("osm:123", "N-2"), so allow more.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
    private static partial Regex LocalIdPattern();

    public static string? CheckLocalId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxLength || !LocalIdPattern().IsMatch(id)
            ? $"'{id}' must be 1 to {MaxLength} characters of letters, digits, '.', '_', ':' and '-', starting with a letter or digit"
            : null;
}
