using CityTwin.Contracts.Access;

namespace CityTwin.Api.Security;

/// <summary>Who holds a key: its name (for audit) and its role.</summary>
public sealed record ApiKeyHolder(string Name, string Role);

/// <summary>
/// Finds the holder of a presented key among the configured keys and those created over the API. The
/// registry grain is asked on every request (an in-process call), so a revoked key stops working at once.
/// </summary>
public sealed class ApiKeyDirectory(ApiSettings settings, IGrainFactory grains)
{
    private readonly Dictionary<string, ConfiguredApiKey> configuredByHash =
        settings.Keys.ToDictionary(k => k.Hash, StringComparer.Ordinal);

    public bool Enabled => settings.Hasher is not null;

    public async Task<ApiKeyHolder?> FindAsync(string key)
    {
        if (settings.Hasher is not { } hasher || string.IsNullOrEmpty(key))
            return null;
        var hash = hasher.Hash(key);
        if (configuredByHash.TryGetValue(hash, out var configured))
            return new ApiKeyHolder(configured.Name, configured.Role);
        var entry = await Registry.FindByHash(hash);
        return entry is { Active: true } ? new ApiKeyHolder(entry.Name, entry.Role) : null;
    }

    /// <summary>Whether the key named <paramref name="name"/> still works (a session cookie asks on each request).</summary>
    public async Task<bool> IsActiveAsync(string name, string role)
    {
        if (!Enabled) return false;
        if (settings.Keys.Any(k => k.Name == name))
            return settings.Keys.Any(k => k.Name == name && k.Role == role);
        return await Registry.Get(name) is { Active: true } entry && entry.Role == role;
    }

    public bool IsConfigured(string name) => settings.Keys.Any(k => k.Name == name);

    public IApiKeyRegistryGrain Registry => grains.GetGrain<IApiKeyRegistryGrain>(ApiKeyRegistry.Key);
}
