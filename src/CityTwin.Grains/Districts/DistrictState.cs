using CityTwin.Contracts.Assets;

namespace CityTwin.Grains.Districts;

/// <summary>
/// The district's roster: which assets are its own, and their kinds. Live counts are not stored: they
/// are rebuilt from the twins' notifications (and their re-enrolment when they activate).
/// </summary>
public sealed class DistrictState
{
    public Dictionary<string, AssetKind> Assets { get; set; } = new(StringComparer.Ordinal);
}
