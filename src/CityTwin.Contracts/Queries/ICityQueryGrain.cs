namespace CityTwin.Contracts.Queries;

/// <summary>
/// The analysts' read-only query API: the only grain an external (gateway) client may call. Answers come from
/// live grain state: each district's asset index (kind, status, value band, location; kept from the twins'
/// significant-change notifications) narrows the candidates, and the candidates' live twins give the exact
/// values, so a change a twin has made is in the very next answer. No query scans every twin: one page asks
/// at most <see cref="QueryLimits.MaxTwinsAskedPerPage"/> twins, at most <see cref="QueryLimits.MaxConcurrentTwinCalls"/> at once.
/// The grain is a stateless worker: call it with key <see cref="CityQueries.Key"/>.
/// </summary>
[Alias("citytwin.ICityQueryGrain")]
public interface ICityQueryGrain : IGrainWithIntegerKey
{
    /// <summary>One page of assets matching the query; a query with errors is answered with them and nothing else.</summary>
    [Alias("ListAssets")]
    Task<AssetPage> ListAssets(AssetQuery query);

    /// <summary>One asset as a list shows it; null when no such asset is provisioned.</summary>
    [Alias("GetAsset")]
    Task<AssetListItem?> GetAsset(string assetId);

    /// <summary>A district's summary; null when the city directory has no such district.</summary>
    [Alias("GetDistrictSummary")]
    Task<DistrictSummary?> GetDistrictSummary(string districtId);

    /// <summary>Every district's summary, ordered by district id.</summary>
    [Alias("ListDistrictSummaries")]
    Task<IReadOnlyList<DistrictSummary>> ListDistrictSummaries();

    /// <summary>
    /// An asset's recent history, each series cut to its last <paramref name="maxSamples"/> points
    /// (1..<see cref="QueryLimits.MaxHistorySamples"/>); null when no such asset is provisioned.
    /// </summary>
    [Alias("GetAssetHistory")]
    Task<AssetHistory?> GetAssetHistory(string assetId, int maxSamples);
}

public static class CityQueries
{
    /// <summary>The key to call <see cref="ICityQueryGrain"/> with (a stateless worker: any key reaches a local activation).</summary>
    public const long Key = 0;
}
