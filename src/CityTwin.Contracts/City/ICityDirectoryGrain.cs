using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.City;

/// <summary>
/// The city's directory of districts. One per city, keyed by <see cref="CityDirectory.Key"/>.
/// Changes are written through to storage before they are acknowledged.
/// </summary>
[Alias("citytwin.ICityDirectoryGrain")]
public interface ICityDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds a district or replaces the one with the same id.</summary>
    [Alias("UpsertDistrict")]
    Task<CommandResult> UpsertDistrict(District district);

    [Alias("RemoveDistrict")]
    Task<CommandResult> RemoveDistrict(string districtId);

    [Alias("GetDistrict")]
    Task<District?> GetDistrict(string districtId);

    /// <summary>All districts, ordered by id.</summary>
    [Alias("ListDistricts")]
    Task<IReadOnlyList<District>> ListDistricts();
}

public static class CityDirectory
{
    /// <summary>The key of the one directory grain of a deployment.</summary>
    public const string Key = "city";
}
