using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Access;

/// <summary>
/// The API keys created over the API (configured keys live in configuration). One per deployment, keyed by
/// <see cref="ApiKeyRegistry.Key"/>; changes are written through before they are acknowledged.
/// </summary>
[Alias("citytwin.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a key; refused when the name is taken (also by a revoked key) or the hash is known.</summary>
    [Alias("Add")]
    Task<CommandResult> Add(ApiKeyEntry entry);

    /// <summary>Marks the key revoked; it stays listed so its name is never reused.</summary>
    [Alias("Revoke")]
    Task<CommandResult> Revoke(string name, DateTimeOffset at);

    /// <summary>The active key with this hash, or null.</summary>
    [Alias("FindByHash"), AlwaysInterleave]
    Task<ApiKeyEntry?> FindByHash(string hash);

    [Alias("Get"), AlwaysInterleave]
    Task<ApiKeyEntry?> Get(string name);

    /// <summary>All keys, revoked ones included, ordered by name.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<ApiKeyEntry>> List();
}

public static class ApiKeyRegistry
{
    public const string Key = "keys";
}
