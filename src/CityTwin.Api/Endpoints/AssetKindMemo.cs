using CityTwin.Api.Caching;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;

namespace CityTwin.Api.Endpoints;

/// <summary>
/// The kind of an asset by its id, remembered after the registration grain said it: an asset keeps its kind
/// until it is deleted, and asking the registration was one of twin by id's two grain calls. A caller that
/// finds the remembered kind's twin without a record (deleted, perhaps provisioned again as another kind)
/// forgets it and asks again (<see cref="Forget"/>).
/// </summary>
public sealed class AssetKindMemo(GrainReferences grains)
{
    /// <summary>Ids remembered (<see cref="BoundedMemo{TValue}"/>).</summary>
    public const int Remembered = 50_000;

    private readonly BoundedMemo<AssetKind> kinds = new(Remembered);

    /// <summary>The asset's kind and whether it came from the memo (then a twin without a record means: ask again).</summary>
    public async ValueTask<(AssetKind? Kind, bool Remembered)> FindAsync(string id)
    {
        if (kinds.TryGet(id, out var known))
            return (known, true);
        var kind = await grains.Get<IAssetKindLookup>(id).GetKind();
        if (kind is { } found)
            kinds.Remember(id, found);
        return (kind, false);
    }

    public void Forget(string id) => kinds.Forget(id);
}
