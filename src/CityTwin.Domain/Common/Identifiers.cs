using System.Text.RegularExpressions;

namespace CityTwin.Domain.Common;

/// <summary>
/// Ids of districts, assets and devices appear in MQTT topics and URLs, so they are lower-case slugs:
/// no '/', '+', '#', spaces or upper case.
/// </summary>
public static partial class Identifiers
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();

    /// <returns>Null when <paramref name="id"/> is a valid id, else what is wrong with it.</returns>
    public static RuleViolation? Check(string field, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return new(field, "is required");
        if (id.Length > MaxLength || !SlugPattern().IsMatch(id))
            return new(field, $"'{id}' must be 1 to {MaxLength} characters of a-z, 0-9 and '-', starting with a letter or digit");
        return null;
    }
}
