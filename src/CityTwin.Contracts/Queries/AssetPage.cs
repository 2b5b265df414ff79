using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Queries;

/// <summary>
/// One page of an <see cref="AssetQuery"/>. A rejected query has <see cref="Errors"/> and nothing else.
/// A page may hold fewer than the page size and still have a <see cref="NextCursor"/>: the fan-out bound
/// (<see cref="QueryLimits.MaxTwinsAskedPerPage"/>) stopped it; the results end only when <see cref="NextCursor"/> is null.
/// </summary>
/// <param name="Items">Matching assets in (district id, asset id) order, their values read from the live twins.</param>
/// <param name="NextCursor">Pass as <see cref="AssetQuery.Cursor"/> for the next page; null after the last page.</param>
/// <param name="TwinsAsked">How many live twins this page asked for their exact values (at most <see cref="QueryLimits.MaxTwinsAskedPerPage"/>).</param>
/// <param name="Errors">What was wrong with the query, by field; empty when it ran.</param>
[Immutable, GenerateSerializer, Alias("citytwin.AssetPage")]
public sealed record AssetPage(
    [property: Id(0)] IReadOnlyList<AssetListItem> Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] int TwinsAsked,
    [property: Id(3)] IReadOnlyList<FieldError> Errors)
{
    public bool Rejected => Errors.Count > 0;

    public static AssetPage Reject(IReadOnlyList<FieldError> errors) => new([], null, 0, errors);
}

/// <summary>
/// An asset as a list shows it, read from its live twin at query time. Attribute names follow the FIWARE
/// Smart Data Models as the twins do.
/// </summary>
/// <param name="Location">Where the asset stands (a truck: its live position, else its depot).</param>
/// <param name="Status">The kind's status attribute (see <see cref="AssetQuery.Status"/>).</param>
/// <param name="Stale">The twin's device is overdue.</param>
/// <param name="SensorHealth">ok, suspect or failed for bins and air-quality sensors; null for other kinds.</param>
/// <param name="FillingLevel">A bin's filling level 0..1; null for other kinds and before the first reading.</param>
/// <param name="PredictedFullAt">When a bin is predicted to reach its fullness threshold.</param>
/// <param name="PredictedFullConfidence">0..1, with <paramref name="PredictedFullAt"/>.</param>
/// <param name="LastHeardAt">When the twin last heard from its device.</param>
/// <param name="Bands">The bands the district indexes the asset by (<c>fill</c>, <c>power</c>, <c>congestion</c>, ...), from the live values.</param>
/// <param name="Values">
/// The kind's key values by FIWARE name: bins <c>cargoWeight</c>, <c>temperature</c>; streetlights <c>illuminanceLevel</c>,
/// <c>powerConsumption</c>; intersections <c>intensity</c> (all approaches, veh/h); trucks <c>cargoWeight</c>, <c>speed</c>,
/// <c>loadFraction</c>; air quality <c>airQualityIndex</c>, <c>pm25</c>, <c>pm10</c>, <c>no2</c>, <c>o3</c>. A value not known is left out.
/// </param>
[Immutable, GenerateSerializer, Alias("citytwin.AssetListItem")]
public sealed record AssetListItem(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] string DistrictId,
    [property: Id(3)] GeoPoint? Location,
    [property: Id(4)] string? Status,
    [property: Id(5)] bool Stale,
    [property: Id(6)] string? SensorHealth,
    [property: Id(7)] double? FillingLevel,
    [property: Id(8)] DateTimeOffset? PredictedFullAt,
    [property: Id(9)] double? PredictedFullConfidence,
    [property: Id(10)] DateTimeOffset? LastHeardAt,
    [property: Id(11)] IReadOnlyDictionary<string, string> Bands,
    [property: Id(12)] IReadOnlyDictionary<string, double> Values);
