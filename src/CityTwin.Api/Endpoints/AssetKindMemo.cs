using System.Collections.Concurrent;
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
    /// <summary>Ids remembered; past this the memo starts over, so requests for many ids cannot grow it without bound.</summary>
    public const int Remembered = 50_000;

    private readonly ConcurrentDictionary<string, AssetKind> kinds = new(StringComparer.Ordinal);

    /// <summary>The asset's kind and whether it came from the memo (then a twin without a record means: ask again).</summary>
    public async ValueTask<(AssetKind? Kind, bool Remembered)> FindAsync(string id)
    {
        if (kinds.TryGetValue(id, out var known))
            return (known, true);
        var kind = await grains.Get<IAssetKindLookup>(id).GetKind();
        if (kind is { } found)
        {
            if (kinds.Count >= Remembered)
                kinds.Clear();
            kinds[id] = found;
        }
        return (kind, false);
    }

    public void Forget(string id) => kinds.TryRemove(id, out _);
}
