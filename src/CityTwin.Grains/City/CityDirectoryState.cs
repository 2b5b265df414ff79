using CityTwin.Contracts.City;

namespace CityTwin.Grains.City;

/// <summary>Stored as JSON; add members only with defaults, so older rows stay readable.</summary>
public sealed class CityDirectoryState
{
    public Dictionary<string, District> Districts { get; set; } = new(StringComparer.Ordinal);
}
