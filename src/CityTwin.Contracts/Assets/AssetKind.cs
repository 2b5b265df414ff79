
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
    /// <summary>The topic and URL segment of a kind: bin, streetlight, intersection, truck, airquality.</summary>
    public static string Segment(this AssetKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseSegment(string? segment, out AssetKind kind)
    {
        foreach (var candidate in Enum.GetValues<AssetKind>())
        {
            if (string.Equals(candidate.Segment(), segment, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
