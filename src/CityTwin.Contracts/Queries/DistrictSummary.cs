using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;

namespace CityTwin.Contracts.Queries;

/// <summary>
/// A district at a glance, from its live aggregates (kept from its twins' notifications; no twin is asked).
/// </summary>
/// <param name="Name">The district's name in the city directory.</param>
/// <param name="TimeZone">Its IANA time zone.</param>
/// <param name="Assets">Enrolled assets by kind.</param>
/// <param name="Picture">Counts by band (fill, power, congestion, ...), stale devices, sensor faults, lights' power.</param>
/// <param name="ActiveConditions">Raised conditions by <c>kind:code</c> (<c>bin:fire</c>, <c>streetlight:stale</c>, ...).</param>
/// <param name="ActiveAlerts">Alerts not yet cleared.</param>
[Immutable, GenerateSerializer, Alias("citytwin.DistrictSummary")]
public sealed record DistrictSummary(
    [property: Id(0)] string DistrictId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] IReadOnlyDictionary<AssetKind, int> Assets,
    [property: Id(4)] DistrictPictureView Picture,
    [property: Id(5)] IReadOnlyDictionary<string, int> ActiveConditions,
    [property: Id(6)] int ActiveAlerts);
