namespace CityTwin.Contracts.Inventory;

/// <summary>
/// Imports a city's inventory in bulk: road segments first (per district), then the assets, each
/// provisioned through its twin. Importing the same file again changes nothing. Stateless: call it
/// with key <see cref="InventoryImport.Key"/>; the silo runs as many as are called at once.
/// </summary>
[Alias("citytwin.IInventoryImportGrain")]
public interface IInventoryImportGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Never throws for bad content: a row that cannot be used, or a file that cannot be read at all,
    /// is a problem in the report. A large file takes long: give the call a response timeout to match.
    /// </summary>
    [Alias("Import")]
    Task<ImportReport> Import(ImportFormat format, string content);
}

public static class InventoryImport
{
    public const long Key = 0;
}
