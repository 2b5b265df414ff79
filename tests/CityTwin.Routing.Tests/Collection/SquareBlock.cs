using CityTwin.Domain.Inventory;
using CityTwin.Routing.Collection;

namespace CityTwin.Routing.Tests.Collection;

/// <summary>
/// A block about a kilometre square in Amsterdam, two-way streets on its four sides at 36 km/h (10 m/s):
/// i0 south-west (the depot), i1 north-west, i2 south-east, i3 north-east. Segment "s01" runs i0 to i1.
/// </summary>
internal static class SquareBlock
{
    public const double MetresPerSecond = 10;

    public static readonly GeoCoordinate I0 = new(52.3700, 4.9000);
    public static readonly GeoCoordinate I1 = new(52.3790, 4.9000);
    public static readonly GeoCoordinate I2 = new(52.3700, 4.9147);
    public static readonly GeoCoordinate I3 = new(52.3790, 4.9147);

    /// <summary>Halfway along the north side.</summary>
    public static readonly GeoCoordinate NorthMiddle = new(52.3790, 4.90735);

    private static readonly Dictionary<string, GeoCoordinate> Corners = new() { ["i0"] = I0, ["i1"] = I1, ["i2"] = I2, ["i3"] = I3 };

    public static IReadOnlyList<RoadShape> Segments { get; } =
    [
        Segment("0", "1"), Segment("1", "0"), Segment("0", "2"), Segment("2", "0"),
        Segment("1", "3"), Segment("3", "1"), Segment("2", "3"), Segment("3", "2"),
    ];

    public static double Seconds(string from, string to) => Length(from, to) / MetresPerSecond;

    public static double Length(string from, string to) => GeoMath.LengthMetres([Corners["i" + from], Corners["i" + to]]);

    private static RoadShape Segment(string from, string to) =>
        new($"s{from}{to}", "i" + from, "i" + to, [Corners["i" + from], Corners["i" + to]], Length(from, to), MetresPerSecond * 3.6);
}
