using CityTwin.Contracts.Assets;
using CityTwin.Grains.Persistence;
using Orleans.Runtime;

namespace CityTwin.Grains.Assets;

public sealed class AssetRegistrationState
{
    public AssetKind? Kind { get; set; }
}

public sealed class AssetRegistrationGrain(
    [PersistentState(StorageNames.AssetRegistrationState, StorageNames.Provider)] IPersistentState<AssetRegistrationState> registration)
    : Grain, IAssetRegistrationGrain
{
    public async Task<AssetKind> Claim(AssetKind kind)
    {
        if (registration.State.Kind is { } holder)
            return holder;
        registration.State.Kind = kind;
        try
        {
            await registration.WriteStateAsync();
        }
        catch
        {
            registration.State.Kind = null;
            throw;
        }
        return kind;
    }

    public async Task Release(AssetKind kind)
    {
        if (registration.State.Kind != kind)
            return;
        await registration.ClearStateAsync();
        registration.State.Kind = null;
    }

    public Task<AssetKind?> GetKind() => Task.FromResult(registration.State.Kind);
}
