using CityTwin.Contracts.City;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Queries;
using CityTwin.Grains.Assets;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Queries;

/// <summary>
/// The analysts' query API. Holds nothing: each page asks the districts' asset indexes for candidates (in id
/// order, after the cursor) and reads the candidates' live twins, at most <see cref="QueryOptions.MaxTwinsAskedPerPage"/>
/// of them per page and <see cref="QueryOptions.MaxConcurrentTwinCalls"/> at once. Reentrant, so one slow
/// page does not hold up another on the same activation.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class CityQueryGrain(IOptions<QueryOptions> options) : Grain, ICityQueryGrain
{
    private readonly QueryOptions limits = options.Value;

    public async Task<AssetPage> ListAssets(AssetQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = query.Validate();
        if (errors.Count > 0)
            return AssetPage.Reject(errors);
        var districts = await DistrictsToAskAsync(query.DistrictId);
        if (districts is null)
            return AssetPage.Reject([new("district", $"no district '{query.DistrictId}' in the city directory")]);

        var pageSize = query.EffectivePageSize;
        var cursor = QueryCursor.Parse(query.Cursor);
        var items = new List<AssetListItem>(pageSize);
        var asked = 0;
        // The last twin asked: where the next page starts when the fan-out bound ends this one.
        string? lastDistrict = null, lastAsset = null;
        var first = cursor is null ? 0 : districts.FindIndex(d => string.CompareOrdinal(d, cursor.DistrictId) >= 0);
        for (var d = first; d >= 0 && d < districts.Count; d++)
        {
            var districtId = districts[d];
            var index = GrainFactory.GetGrain<IDistrictGrain>(districtId);
            var after = cursor is not null && cursor.DistrictId == districtId ? cursor.AfterAssetId : null;
            while (true)
            {
                if (asked >= limits.TwinsPerPage)
                    return new AssetPage(items, new QueryCursor(lastDistrict!, lastAsset!).Encode(), asked, []);
                var need = pageSize - items.Count;
                // A few more than the page needs, as filters the index cannot decide drop some.
                var limit = Math.Min(limits.TwinsPerPage - asked, Math.Min(limits.ConcurrentCalls, need + need / 2 + 4));
                var found = await index.FindCandidates(query, after, limit);
                var read = await Task.WhenAll(found.Candidates.Select(c => LiveAssets.ReadAsync(GrainFactory, c.Kind, c.AssetId, c.Location)));
                for (var i = 0; i < read.Length; i++)
                {
                    asked++;
                    after = found.Candidates[i].AssetId;
                    (lastDistrict, lastAsset) = (districtId, after);
                    // An asset that moved to another district since is listed there.
                    if (read[i] is { } item && item.DistrictId == districtId && AssetMatching.Matches(query, item))
                        items.Add(item);
                    if (items.Count == pageSize)
                    {
                        var last = !found.More && i == read.Length - 1 && d == districts.Count - 1;
                        return new AssetPage(items, last ? null : new QueryCursor(districtId, after).Encode(), asked, []);
                    }
                }
                if (!found.More)
                    break;
            }
        }
        return new AssetPage(items, null, asked, []);
    }

    public async Task<AssetListItem?> GetAsset(string assetId)
    {
        if (string.IsNullOrEmpty(assetId))
            return null;
        var kind = await GrainFactory.GetGrain<IAssetRegistrationGrain>(assetId).GetKind();
        return kind is { } known ? await LiveAssets.ReadAsync(GrainFactory, known, assetId, null) : null;
    }

    public async Task<DistrictSummary?> GetDistrictSummary(string districtId)
    {
        if (string.IsNullOrEmpty(districtId))
            return null;
        var district = await Directory.GetDistrict(districtId);
        return district is null ? null : await SummaryOf(district);
    }

    public async Task<IReadOnlyList<DistrictSummary>> ListDistrictSummaries()
    {
        var districts = await Directory.ListDistricts();
        return await Task.WhenAll(districts.OrderBy(d => d.Id, StringComparer.Ordinal).Select(SummaryOf));
    }

    public async Task<AssetHistory?> GetAssetHistory(string assetId, int maxSamples)
    {
        if (maxSamples is < 1 or > QueryLimits.MaxHistorySamples)
            throw new ArgumentOutOfRangeException(nameof(maxSamples), maxSamples, $"maxSamples must be 1..{QueryLimits.MaxHistorySamples}");
        if (string.IsNullOrEmpty(assetId))
            return null;
        if (await GrainFactory.GetGrain<IAssetRegistrationGrain>(assetId).GetKind() is not { } kind)
            return null;
        var series = await LiveAssets.ReadHistoryAsync(GrainFactory, kind, assetId, maxSamples);
        return series is null ? null : new AssetHistory(assetId, kind, series);
    }

    private ICityDirectoryGrain Directory => GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key);

    /// <summary>The one district asked for, or all in ordinal id order; null when the one asked for does not exist.</summary>
    private async Task<List<string>?> DistrictsToAskAsync(string? districtId)
    {
        if (districtId is not null)
            return await Directory.GetDistrict(districtId) is null ? null : [districtId];
        var all = await Directory.ListDistricts();
        return [.. all.Select(d => d.Id).Order(StringComparer.Ordinal)];
    }

    private async Task<DistrictSummary> SummaryOf(District district)
    {
        var grain = GrainFactory.GetGrain<IDistrictGrain>(district.Id);
        var counts = grain.GetCounts();
        var picture = grain.GetPicture();
        var alerts = grain.ListAlerts(includeCleared: false);
        return new DistrictSummary(
            district.Id, district.Name, district.TimeZone, (await counts).Assets, await picture, (await counts).ActiveConditions, (await alerts).Count);
    }
}
