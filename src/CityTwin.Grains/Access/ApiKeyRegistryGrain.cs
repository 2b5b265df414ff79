using CityTwin.Contracts.Access;
using CityTwin.Contracts.Common;
using CityTwin.Grains.Persistence;
using Orleans.Runtime;

namespace CityTwin.Grains.Access;

public sealed class ApiKeyRegistryState
{
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyRegistryGrain(
    [PersistentState(StorageNames.ApiKeyRegistryState, StorageNames.Provider)] IPersistentState<ApiKeyRegistryState> registry)
    : Grain, IApiKeyRegistryGrain
{
    private Dictionary<string, ApiKeyEntry> byHash = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Reindex();
        return Task.CompletedTask;
    }

    public async Task<CommandResult> Add(ApiKeyEntry entry)
    {
        if (registry.State.Keys.Any(k => k.Name == entry.Name))
            return CommandResult.Rejected("name", $"a key named '{entry.Name}' exists (names of revoked keys are not reused)");
        if (registry.State.Keys.Any(k => k.Hash == entry.Hash))
            return CommandResult.Rejected("hash", "this key is already registered");
        registry.State.Keys.Add(entry);
        await WriteAsync(() => registry.State.Keys.Remove(entry));
        return CommandResult.Ok;
    }

    public async Task<CommandResult> Revoke(string name, DateTimeOffset at)
    {
        var index = registry.State.Keys.FindIndex(k => k.Name == name);
        if (index < 0)
            return CommandResult.Rejected("name", $"no key named '{name}'");
        var before = registry.State.Keys[index];
        if (!before.Active)
            return CommandResult.Ok;
        registry.State.Keys[index] = before with { RevokedAt = at };
        await WriteAsync(() => registry.State.Keys[index] = before);
        return CommandResult.Ok;
    }

    public Task<ApiKeyEntry?> FindByHash(string hash) =>
        Task.FromResult(byHash.GetValueOrDefault(hash));

    public Task<ApiKeyEntry?> Get(string name) =>
        Task.FromResult(registry.State.Keys.FirstOrDefault(k => k.Name == name));

    public Task<IReadOnlyList<ApiKeyEntry>> List() =>
        Task.FromResult<IReadOnlyList<ApiKeyEntry>>([.. registry.State.Keys.OrderBy(k => k.Name, StringComparer.Ordinal)]);

    private async Task WriteAsync(Action undo)
    {
        try
        {
            await registry.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
        finally
        {
            Reindex();
        }
    }

    private void Reindex() =>
        byHash = registry.State.Keys.Where(k => k.Active).ToDictionary(k => k.Hash, StringComparer.Ordinal);
}
