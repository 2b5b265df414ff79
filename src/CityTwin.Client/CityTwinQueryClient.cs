using System.Runtime.CompilerServices;
using CityTwin.Contracts.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CityTwin.Client;

/// <summary>
/// An analyst's connection to a CityTwin cluster: an Orleans client of its gateway that exposes only the
/// read-only query contract (<see cref="ICityQueryGrain"/>). The cluster refuses anything else from an external
/// client anyway; this class simply offers nothing else.
/// </summary>
/// <example>
/// <code>
/// await using var city = await CityTwinQueryClient.ConnectAsync(new() { Gateways = [CityTwinClientOptions.ParseGateway("10.0.0.11:30000")] });
/// await foreach (var bin in city.ListAllAsync(new AssetQuery(Kind: AssetKind.Bin, DistrictId: "centrum", FillAbove: 0.7)))
///     Console.WriteLine($"{bin.AssetId} {bin.FillingLevel:P0} full at {bin.PredictedFullAt}");
/// </code>
/// </example>
public sealed class CityTwinQueryClient : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ICityQueryGrain queries;

    private CityTwinQueryClient(IHost host)
    {
        this.host = host;
        queries = host.Services.GetRequiredService<IClusterClient>().GetGrain<ICityQueryGrain>(CityQueries.Key);
    }

    /// <summary>Connects to the cluster's gateway.</summary>
    /// <exception cref="InvalidOperationException">No gateway answered within <see cref="CityTwinClientOptions.ConnectPatience"/>.</exception>
    public static async Task<CityTwinQueryClient> ConnectAsync(CityTwinClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CityTwinClientOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. options.Gateways]);
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (options.ServiceId, options.ClusterId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            var giveUpAt = DateTime.UtcNow + options.ConnectPatience;
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= giveUpAt)
                    return false;
                await Task.Delay(TimeSpan.FromMilliseconds(500), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"no CityTwin gateway answered at {string.Join(", ", options.Gateways)} (service '{options.ServiceId}', cluster '{options.ClusterId}'): {e.GetBaseException().Message}", e);
        }
        return new CityTwinQueryClient(host);
    }

    /// <summary>One page of assets; a query with errors comes back with them (<see cref="AssetPage.Errors"/>).</summary>
    public Task<AssetPage> ListAssetsAsync(AssetQuery query) => queries.ListAssets(query);

    /// <summary>Every matching asset, page after page.</summary>
    /// <exception cref="ArgumentException">The query is wrong; the message names each field.</exception>
    public async IAsyncEnumerable<AssetListItem> ListAllAsync(AssetQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cursor = query.Cursor;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await queries.ListAssets(query with { Cursor = cursor });
            if (page.Rejected)
                throw new ArgumentException(string.Join("; ", page.Errors.Select(e => $"{e.Field}: {e.Message}")), nameof(query));
            foreach (var item in page.Items)
                yield return item;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public Task<AssetListItem?> GetAssetAsync(string assetId) => queries.GetAsset(assetId);

    public Task<DistrictSummary?> GetDistrictSummaryAsync(string districtId) => queries.GetDistrictSummary(districtId);

    public Task<IReadOnlyList<DistrictSummary>> ListDistrictSummariesAsync() => queries.ListDistrictSummaries();

    public Task<AssetHistory?> GetAssetHistoryAsync(string assetId, int maxSamples = 100) => queries.GetAssetHistory(assetId, maxSamples);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
