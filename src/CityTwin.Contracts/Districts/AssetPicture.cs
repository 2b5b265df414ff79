namespace CityTwin.Contracts.Districts;

/// <summary>
/// What a twin's district keeps of its present state: a few bands (<see cref="PictureBands"/>), each one value
/// of a small set, and a few measures summed per district (<see cref="PictureMeasures"/>). A twin sends its
/// picture when it enrols (so a district that lost its aggregates rebuilds them as its twins activate) and
/// again only when a band changes; measures ride along and are not a reason to send.
/// </summary>
/// <param name="RoadSegmentId">The road segment the asset stands beside, when it has one (lights: neighbours and adjacent intersections).</param>
[Immutable, GenerateSerializer, Alias("citytwin.AssetPicture")]
public sealed record AssetPicture(
    [property: Id(0)] IReadOnlyDictionary<string, string> Bands,
    [property: Id(1)] IReadOnlyDictionary<string, double> Measures,
    [property: Id(2)] string? RoadSegmentId = null)
{
    /// <summary>For a kind whose picture has bands only: one shared empty set, never written to.</summary>
    public static IReadOnlyDictionary<string, double> NoMeasures { get; } = new Dictionary<string, double>();

    public static AssetPicture Empty { get; } = new(new Dictionary<string, string>(), NoMeasures);

    /// <summary>True when the bands (the reason to tell the district) are the same, whatever holds them.</summary>
    public bool SameBands(AssetPicture? other)
    {
        if (other is null || other.RoadSegmentId != RoadSegmentId || other.Bands.Count != Bands.Count)
            return false;
        foreach (var (name, band) in Bands)
        {
            if (!other.Bands.TryGetValue(name, out var value) || value != band)
                return false;
        }
        return true;
    }

    public string? Band(string name) => Bands.GetValueOrDefault(name);

    public double? Measure(string name) => Measures.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Band names and their values, as twins report them and district pictures count them.</summary>
public static class PictureBands
{
    /// <summary>A bin's filling level by quarter: <c>0-25</c>, <c>25-50</c>, <c>50-75</c>, <c>75-100</c>, or <c>unknown</c>.</summary>
    public const string Fill = "fill";

    /// <summary>A light's reported output: <c>off</c>, <c>dimmed</c> or <c>on</c> (full).</summary>
    public const string Power = "power";

    /// <summary>A light's reported level in tenths (<c>0.5</c>), so a dimming step is a change the district hears.</summary>
    public const string Level = "level";

    /// <summary>A light's presence sensor: <c>yes</c> or <c>no</c>.</summary>
    public const string Presence = "presence";

    /// <summary>An intersection's congested level: <c>free</c>, <c>moderate</c>, <c>heavy</c>, <c>gridlock</c>.</summary>
    public const string Congestion = "congestion";

    /// <summary>An intersection's total intensity in bands of veh/h (<see cref="TrafficBands"/>).</summary>
    public const string Traffic = "traffic";

    /// <summary>
    /// An asset's status attribute: a truck's service status (<c>parked</c>, <c>onRoute</c>, <c>broken</c>,
    /// <c>outOfService</c>), a bin's (<c>ok</c>, <c>lidOpen</c>, ...), a streetlight's (<c>ok</c>, <c>defectiveLamp</c>, <c>columnIssue</c>).
    /// </summary>
    public const string Status = "status";

    /// <summary>A sensor's health: a bin's <c>ok</c>, <c>suspect</c>, <c>failed</c>; an air-quality sensor's <c>ok</c> or <c>suspect</c> (drifting).</summary>
    public const string Health = "health";

    /// <summary>A truck's load by quarter of its capacity, like <see cref="Fill"/>.</summary>
    public const string Load = "load";

    /// <summary>An air-quality sensor's index level (EAQI: <c>good</c> ... <c>extremelyPoor</c>), or <c>unknown</c>.</summary>
    public const string AirQuality = "airQuality";

    /// <summary>
    /// A truck's place in a grid of <see cref="PlaceCellDegrees"/> (about 110 m north-south): a move into the next
    /// cell is a change the district hears, so the live page follows a driving truck; smaller moves are not.
    /// </summary>
    public const string Place = "place";

    public const double PlaceCellDegrees = 0.001;

    public const string Unknown = "unknown";

    /// <summary>Lower edges of the intersection traffic bands, veh/h.</summary>
    public static readonly int[] TrafficBands = [0, 100, 200, 300, 400, 600, 800, 1200, 1600, 2400];

    /// <summary>A 0..1 fraction by quarter (1 and over counts in the top one).</summary>
    public static string Quarter(double? fraction) => fraction switch
    {
        null => Unknown,
        < 0.25 => "0-25",
        < 0.5 => "25-50",
        < 0.75 => "50-75",
        _ => "75-100",
    };

    public static string TrafficBand(double vehiclesPerHour)
    {
        var lower = TrafficBands.Last(edge => edge <= Math.Max(0, vehiclesPerHour));
        return lower.ToString(System.Globalization.CultureInfo.InvariantCulture) + "+";
    }

    /// <summary>The grid cell of a position, as <c>row:column</c>; <see cref="Unknown"/> without one.</summary>
    public static string PlaceOf(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Floor(lat / PlaceCellDegrees)}:{Math.Floor(lon / PlaceCellDegrees)}")
            : Unknown;

    public static string Tenths(double level)
    {
        var tenths = Math.Round(level * 10);
        // A light's level is 0..1: those eleven bands are made once, since every reading asks for one.
        return tenths is >= 0 and <= 10
            ? TenthsBands[(int)tenths]
            : (tenths / 10).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] TenthsBands =
        [.. Enumerable.Range(0, 11).Select(t => (t / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>Measures a district sums per kind.</summary>
public static class PictureMeasures
{
    /// <summary>A light's power drawn now, W.</summary>
    public const string Watts = "watts";

    /// <summary>A light's rated power at full, W (the always-on baseline's draw).</summary>
    public const string RatedWatts = "ratedWatts";

    /// <summary>An intersection's total intensity over its approaches, veh/h, when its band last changed.</summary>
    public const string Intensity = "intensity";

    /// <summary>A truck's load, kg.</summary>
    public const string CargoKg = "cargoKg";
}
