using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Queries;

/// <summary>
/// A filtered, paged list of assets. Every filter left null matches everything; the filters that are set must
/// all match. Results come in a stable order (district id, then asset id, ordinal), so a page's
/// <see cref="Cursor"/> continues exactly where the previous page stopped, even while twins change.
/// </summary>
/// <param name="Kind">Only assets of this kind.</param>
/// <param name="DistrictId">Only assets of this district; null asks every district of the city directory, in id order.</param>
/// <param name="Status">
/// The kind's status attribute as <see cref="AssetListItem.Status"/> shows it: a bin's <c>status</c> (ok, lidOpen,
/// dropped, moved, burning, unknown), a streetlight's <c>status</c> (ok, defectiveLamp, columnIssue), an
/// intersection's <c>congested</c> level (free, moderate, heavy, gridlock), a truck's <c>serviceStatus</c>
/// (parked, onRoute, broken, outOfService), an air-quality sensor's level (good ... extremelyPoor, or unknown).
/// </param>
/// <param name="FillAbove">Only bins whose <c>fillingLevel</c> (0..1) is at least this; bins without a level do not match.</param>
/// <param name="FillBelow">Only bins whose <c>fillingLevel</c> (0..1) is below this; bins without a level do not match.</param>
/// <param name="Stale">Only stale twins (true) or only twins that are not stale (false).</param>
/// <param name="SensorHealth">
/// ok, suspect or failed: a bin's sensor health; an air-quality sensor is suspect while it drifts from its
/// neighbours, else ok. Other kinds have none and do not match this filter.
/// </param>
/// <param name="Near">Only assets within a radius of a point (great-circle distance; a truck by its live position).</param>
/// <param name="Box">Only assets inside a latitude/longitude box (a truck by its live position).</param>
/// <param name="PageSize">Items per page, 1..<see cref="QueryLimits.MaxPageSize"/>; null means <see cref="QueryLimits.DefaultPageSize"/>.</param>
/// <param name="Cursor">The <see cref="AssetPage.NextCursor"/> of the previous page; null for the first page. Opaque.</param>
[Immutable, GenerateSerializer, Alias("citytwin.AssetQuery")]
public sealed record AssetQuery(
    [property: Id(0)] AssetKind? Kind = null,
    [property: Id(1)] string? DistrictId = null,
    [property: Id(2)] string? Status = null,
    [property: Id(3)] double? FillAbove = null,
    [property: Id(4)] double? FillBelow = null,
    [property: Id(5)] bool? Stale = null,
    [property: Id(6)] string? SensorHealth = null,
    [property: Id(7)] GeoCircle? Near = null,
    [property: Id(8)] GeoBox? Box = null,
    [property: Id(9)] int? PageSize = null,
    [property: Id(10)] string? Cursor = null)
{
    /// <summary>The page size this query asks for once defaults apply.</summary>
    public int EffectivePageSize => PageSize ?? QueryLimits.DefaultPageSize;

    /// <summary>
    /// What is wrong with the query, each naming its field as the HTTP API's query parameters do
    /// (<c>fillAbove</c>, <c>near.radiusMetres</c>, <c>pageSize</c>, ...); empty when it can run.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Kind is { } kind && !Enum.IsDefined(kind))
            errors.Add(new("kind", $"{(int)kind} is not an asset kind"));
        if (DistrictId is { Length: 0 })
            errors.Add(new("district", "must not be empty"));
        if (Status is { Length: 0 })
            errors.Add(new("status", "must not be empty"));
        CheckFraction(errors, "fillAbove", FillAbove);
        CheckFraction(errors, "fillBelow", FillBelow);
        if (FillAbove is { } above && FillBelow is { } below && above >= below && double.IsFinite(above) && double.IsFinite(below))
            errors.Add(new("fillBelow", $"{below} must be greater than fillAbove {above}, or no bin can match"));
        if (SensorHealth is not null && !QueryValues.SensorHealths.Contains(SensorHealth))
            errors.Add(new("sensorHealth", $"'{SensorHealth}' is not one of {string.Join(", ", QueryValues.SensorHealths)}"));
        if (Near is { } near)
        {
            errors.AddRange(GeoChecks.Point("near", near.Centre));
            if (!double.IsFinite(near.RadiusMetres) || near.RadiusMetres <= 0 || near.RadiusMetres > QueryLimits.MaxRadiusMetres)
                errors.Add(new("near.radiusMetres", $"{near.RadiusMetres} is outside 0 (exclusive) .. {QueryLimits.MaxRadiusMetres} m"));
        }
        if (Box is { } box)
        {
            errors.AddRange(GeoChecks.Point("box.southWest", new GeoPoint(box.South, box.West)));
            errors.AddRange(GeoChecks.Point("box.northEast", new GeoPoint(box.North, box.East)));
            if (box.South > box.North)
                errors.Add(new("box.north", $"{box.North} is south of box.south {box.South}"));
            if (box.West > box.East)
                errors.Add(new("box.east", $"{box.East} is west of box.west {box.West} (a box may not cross the antimeridian)"));
        }
        if (PageSize is { } size && (size < 1 || size > QueryLimits.MaxPageSize))
            errors.Add(new("pageSize", $"{size} is outside 1..{QueryLimits.MaxPageSize}"));
        if (Cursor is not null && QueryCursor.Parse(Cursor) is null)
            errors.Add(new("cursor", "is not a cursor this API returned"));
        return errors;
    }

    private static void CheckFraction(List<FieldError> errors, string field, double? value)
    {
        if (value is { } fraction && (!double.IsFinite(fraction) || fraction < 0 || fraction > 1))
            errors.Add(new(field, $"{fraction} is outside 0..1"));
    }
}

/// <summary>A circle on the ground: a centre and a radius in metres (great-circle distance).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.GeoCircle")]
public sealed record GeoCircle(
    [property: Id(0)] GeoPoint Centre,
    [property: Id(1)] double RadiusMetres);

/// <summary>A latitude/longitude box, edges included. It may not cross the antimeridian (west ≤ east).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.GeoBox")]
public sealed record GeoBox(
    [property: Id(0)] double South,
    [property: Id(1)] double West,
    [property: Id(2)] double North,
    [property: Id(3)] double East)
{
    public bool Contains(double latitude, double longitude) =>
        latitude >= South && latitude <= North && longitude >= West && longitude <= East;
}

/// <summary>The bounds every query keeps; the HTTP API and the grain enforce the same.</summary>
public static class QueryLimits
{
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>
    /// The fan-out bound: one page asks at most this many live twins for their exact values. When the index's
    /// candidates run out of matches before the page is full, the page comes back short with a
    /// <see cref="AssetPage.NextCursor"/> that continues after the last twin asked, so a client pages on.
    /// </summary>
    public const int MaxTwinsAskedPerPage = 1000;

    /// <summary>Twin calls in flight at once while a page is filled.</summary>
    public const int MaxConcurrentTwinCalls = 64;

    /// <summary>The largest radius a <see cref="GeoCircle"/> filter may have, metres.</summary>
    public const double MaxRadiusMetres = 50_000;

    /// <summary>The most samples per series <see cref="ICityQueryGrain.GetAssetHistory"/> returns.</summary>
    public const int MaxHistorySamples = 1000;
}

/// <summary>The closed sets of values some filters take.</summary>
public static class QueryValues
{
    public static readonly IReadOnlySet<string> SensorHealths = new HashSet<string>(["ok", "suspect", "failed"], StringComparer.Ordinal);
}

internal static class GeoChecks
{
    public static IEnumerable<FieldError> Point(string field, GeoPoint? point)
    {
        if (point is null)
        {
            yield return new(field, "is required");
            yield break;
        }
        if (!double.IsFinite(point.Latitude) || point.Latitude is < -90 or > 90)
            yield return new(field + ".latitude", $"{point.Latitude} is outside -90..90");
        if (!double.IsFinite(point.Longitude) || point.Longitude is < -180 or > 180)
            yield return new(field + ".longitude", $"{point.Longitude} is outside -180..180");
    }
}
