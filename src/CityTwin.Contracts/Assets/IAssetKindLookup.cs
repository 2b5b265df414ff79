namespace CityTwin.Contracts.Assets;

/// <summary>
/// Which kind holds an asset id, keyed by asset id: how a caller that has only the id (the HTTP API)
/// finds the kind's twin grain. Null when no twin holds the id.
/// </summary>
[Alias("citytwin.IAssetKindLookup")]
public interface IAssetKindLookup : IGrainWithStringKey
{
    [Alias("GetKind"), AlwaysInterleave]
    Task<AssetKind?> GetKind();
}
