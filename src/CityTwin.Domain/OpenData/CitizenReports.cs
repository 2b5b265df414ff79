using CityTwin.Domain.Common;

namespace CityTwin.Domain.OpenData;

/// <summary>What a citizen may report: an overflowing bin or a broken streetlight, at a place, with a short note.</summary>
public sealed record CitizenReport(string? Kind, double? Latitude, double? Longitude, string? Description);

public static class CitizenReports
{
    public const string OverflowingBin = "overflowingBin";
    public const string BrokenLight = "brokenLight";
    public const int MaxDescriptionLength = 500;

    /// <summary>The asset kind (topic segment) a report's kind is about: <c>bin</c> or <c>streetlight</c>.</summary>
    public static string AssetKindOf(string kind) => kind == OverflowingBin ? "bin" : "streetlight";

    /// <summary>Everything wrong with a report, each naming its field; empty when it can be taken.</summary>
    public static IReadOnlyList<RuleViolation> Validate(CitizenReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new List<RuleViolation>();
        if (report.Kind is not (OverflowingBin or BrokenLight))
            errors.Add(new("kind", $"'{report.Kind}' is not one of {OverflowingBin}, {BrokenLight}"));
        if (report.Latitude is not { } latitude)
            errors.Add(new("latitude", "is required"));
        else if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            errors.Add(new("latitude", $"{latitude} is outside -90..90"));
        if (report.Longitude is not { } longitude)
            errors.Add(new("longitude", "is required"));
        else if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            errors.Add(new("longitude", $"{longitude} is outside -180..180"));
        if (report.Description is { Length: > MaxDescriptionLength } text)
            errors.Add(new("description", $"is {text.Length} characters; at most {MaxDescriptionLength}"));
        else if (report.Description is { } note && note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors.Add(new("description", "contains control characters"));
        return errors;
    }
}
