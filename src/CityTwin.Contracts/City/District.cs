namespace CityTwin.Contracts.City;

/// <summary>
/// A district of the city: the unit that coordinates routing and dimming. Its IANA time zone drives
/// every local-time rule (collection windows, profiles, dusk and dawn).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.District")]
public sealed record District(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] double CentreLatitude,
    [property: Id(4)] double CentreLongitude);
