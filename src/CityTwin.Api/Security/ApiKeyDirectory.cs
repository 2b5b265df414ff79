using CityTwin.Api.Caching;
using CityTwin.Contracts.Access;
using CityTwin.Contracts.Common;

namespace CityTwin.Api.Security;

/// <summary>Who holds a key: its name (for audit) and its role.</summary>
public sealed record ApiKeyHolder(string Name, string Role);

/// <summary>
/// Finds the holder of a presented key among the configured keys and those created over the API. The
/// registry grain is asked on every request for a key it holds (an in-process call), so a revoked key stops
/// working at once; configured keys change only with the configuration.
/// </summary>
public sealed class ApiKeyDirectory(ApiSettings settings, GrainReferences grains)
{
    /// <summary>Keys whose HMAC is remembered; past this the memo starts over, so random guesses cannot grow it without bound.</summary>
    public const int RememberedHashes = 1_024;

    private readonly Dictionary<string, ApiKeyHolder> configuredByHash =
        settings.Keys.ToDictionary(k => k.Hash, k => new ApiKeyHolder(k.Name, k.Role), StringComparer.Ordinal);

    /// <summary>
    /// HMAC of keys presented before: the hash of a key never changes, and the same few keys come with every
    /// request (computing it was a tenth of a twin-by-id request's authentication). Whether the key still works
    /// is decided below from the hash, every time.
    /// </summary>
    private readonly BoundedMemo<string> hashes = new(RememberedHashes);

    public bool Enabled => settings.Hasher is not null;

    public async Task<ApiKeyHolder?> FindAsync(string key)
    {
        if (settings.Hasher is not { } hasher || string.IsNullOrEmpty(key))
            return null;
        var hash = HashOf(hasher, key);
        if (configuredByHash.TryGetValue(hash, out var configured))
            return configured;
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

    public IApiKeyRegistryGrain Registry => grains.Get<IApiKeyRegistryGrain>(ApiKeyRegistry.Key);

    private string HashOf(ApiKeyHasher hasher, string key)
    {
        if (hashes.TryGet(key, out var known))
            return known;
        var hash = hasher.Hash(key);
        hashes.Remember(key, hash);
        return hash;
    }
}
