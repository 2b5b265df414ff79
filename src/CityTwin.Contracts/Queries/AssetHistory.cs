using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Queries;

/// <summary>
/// An asset's recent history as its twin keeps it (bounded and compact: what a sparkline needs). Each series
/// is one value over time, oldest first.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetHistory")]
public sealed record AssetHistory(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] IReadOnlyList<HistorySeries> Series);

/// <summary>
/// One value over time. Names: bins <c>fillingLevel</c>; streetlights <c>illuminanceLevel</c>, <c>powerConsumption</c>;
/// intersections <c>intensity.{approachId}</c>, <c>travelTime.{segmentId}</c>; trucks <c>latitude</c>, <c>longitude</c>;
/// air quality hourly means <c>pm25</c>, <c>pm10</c>, <c>no2</c>, <c>o3</c>.
/// </summary>
/// <param name="Unit">fraction, W, veh/h, s, degrees, µg/m³.</param>
[Immutable, GenerateSerializer, Alias("citytwin.HistorySeries")]
public sealed record HistorySeries(
    [property: Id(0)] string Name,
    [property: Id(1)] string Unit,
    [property: Id(2)] IReadOnlyList<HistoryPoint> Points);

[Immutable, GenerateSerializer, Alias("citytwin.HistoryPoint")]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Value);
