using System.Globalization;
using System.Text;
using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Live;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CityTwin.Api.Live;

/// <summary>
/// Writes a district's feed as Server-Sent Events: each read of the feed is one long-poll grain call (so the
/// district may live on any silo), each event an SSE message with its id, a snapshot first when the reader had
/// to start over, and a comment line as heartbeat when nothing happened for a while.
/// </summary>
internal sealed class LiveEventStream(IGrainFactory grains, TimeSpan heartbeat, ILogger logger)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    public async Task RunAsync(HttpContext http, string districtId, long afterId)
    {
        var response = http.Response;
        var cancellation = http.RequestAborted;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await WriteAsync(response, "retry: 3000\n\n", cancellation);

        var feed = grains.GetGrain<IDistrictFeed>(districtId);
        while (!cancellation.IsCancellationRequested)
        {
            LiveFeedPage page;
            try
            {
                page = await feed.ReadFeed(afterId, heartbeat).WaitAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reading the live feed of district {District} failed; retrying", districtId);
                try
                {
                    await WriteAsync(response, ": feed unavailable, retrying\n\n", cancellation);
                    await Task.Delay(RetryAfterFailure, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return;
                }
                continue;
            }

            var text = new StringBuilder();
            if (page.Snapshot is { } snapshot)
            {
                var trucks = await TrucksAsync(snapshot, districtId);
                Append(text, snapshot.Id, LiveFeeds.Snapshot, new
                {
                    snapshot.Id,
                    snapshot.At,
                    snapshot.Picture,
                    snapshot.Assets,
                    snapshot.ActiveAlerts,
                    Trucks = trucks,
                });
                afterId = snapshot.Id;
            }
            foreach (var live in page.Events)
            {
                Append(text, live.Id, live.Type, live);
                afterId = live.Id;
            }
            if (text.Length == 0)
                text.Append(": heartbeat ").Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)).Append("\n\n");
            try
            {
                await WriteAsync(response, text.ToString(), cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Trucks' positions and routes for a snapshot; a truck that cannot answer leaves them out, not the stream.</summary>
    private async Task<IReadOnlyList<MapTruck>> TrucksAsync(LiveSnapshot snapshot, string districtId)
    {
        try
        {
            return await DistrictMaps.TrucksAsync(grains, snapshot.Assets.Where(a => a.Kind == AssetKind.Truck).Select(a => a.AssetId));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reading the trucks of district {District} for a snapshot failed; it goes without them", districtId);
            return [];
        }
    }

    private static void Append(StringBuilder text, long id, string type, object data) =>
        text.Append("id: ").Append(id.ToString(CultureInfo.InvariantCulture))
            .Append("\nevent: ").Append(type)
            .Append("\ndata: ").Append(JsonSerializer.Serialize(data, LiveJson.Options))
            .Append("\n\n");

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellation)
    {
        await response.WriteAsync(text, cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
