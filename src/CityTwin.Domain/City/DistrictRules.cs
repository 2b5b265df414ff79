using CityTwin.Domain.Common;

namespace CityTwin.Domain.City;

/// <summary>What makes a district definition acceptable.</summary>
public static class DistrictRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<RuleViolation> Validate(
        string? id, string? name, string? timeZone, double latitude, double longitude)
    {
        var violations = new List<RuleViolation>();
        if (Identifiers.Check("id", id) is { } badId)
            violations.Add(badId);

        if (string.IsNullOrWhiteSpace(name))
            violations.Add(new("name", "is required"));
        else if (name.Length > MaxNameLength)
            violations.Add(new("name", $"must be at most {MaxNameLength} characters"));

        if (string.IsNullOrWhiteSpace(timeZone))
            violations.Add(new("timeZone", "is required (an IANA time zone such as Europe/Amsterdam)"));
        else if (!TimeZones.IsKnownIana(timeZone))
            violations.Add(new("timeZone", $"'{timeZone}' is not a known IANA time zone"));

        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            violations.Add(new("centreLatitude", $"{latitude} is outside -90..90"));
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            violations.Add(new("centreLongitude", $"{longitude} is outside -180..180"));
        return violations;
    }
}
