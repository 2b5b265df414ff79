
namespace CityTwin.Contracts.Assets;

/// <summary>The kinds of city asset that have a twin. The lower-case names appear in MQTT topics.</summary>
[GenerateSerializer, Alias("citytwin.AssetKind")]
public enum AssetKind
{
    Bin,
    Streetlight,
    Intersection,
    Truck,
    AirQuality,
}

public static class AssetKinds
{
    // Every publish parses its topic's kind and many messages name it: computed once, not per call
    // (ToString + ToLowerInvariant for each kind tried cost two strings apiece on every reading).
    private static readonly AssetKind[] All = Enum.GetValues<AssetKind>();
    private static readonly string[] Segments = [.. All.Select(k => k.ToString().ToLowerInvariant())];

    /// <summary>The topic and URL segment of a kind: bin, streetlight, intersection, truck, airquality.</summary>
    public static string Segment(this AssetKind kind) =>
        (uint)kind < (uint)Segments.Length ? Segments[(int)kind] : kind.ToString().ToLowerInvariant();

    public static bool TryParseSegment(string? segment, out AssetKind kind)
    {
        kind = default;
        return segment is not null && TryParseSegment(segment.AsSpan(), out kind);
    }

    public static bool TryParseSegment(ReadOnlySpan<char> segment, out AssetKind kind)
    {
        for (var i = 0; i < Segments.Length; i++)
        {
            if (segment.SequenceEqual(Segments[i]))
            {
                kind = All[i];
                return true;
            }
        }
        kind = default;
        return false;
    }
}
