using CityTwin.Contracts.Inventory;

namespace CityTwin.Grains.Inventory;

/// <summary>Stored as JSON; add members only with defaults, so older rows stay readable.</summary>
public sealed class RoadNetworkState
{
    public Dictionary<string, RoadSegment> Segments { get; set; } = new(StringComparer.Ordinal);
}
