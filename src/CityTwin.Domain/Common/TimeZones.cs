namespace CityTwin.Domain.Common;

public static class TimeZones
{
    /// <summary>
    /// True for an IANA id that this machine's time-zone database knows. Windows ids
    /// ("W. Europe Standard Time") are refused even where .NET would convert them, so that districts
    /// store one canonical form.
    /// </summary>
    public static bool IsKnownIana(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);
}
