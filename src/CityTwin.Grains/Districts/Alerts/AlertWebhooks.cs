using System.Net.Http.Json;
using System.Threading.Channels;
using CityTwin.Domain.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Districts.Alerts;

/// <summary>
/// Delivers alert notices to the configured webhooks, outside any grain's turn: a district hands its notices
/// over and goes on (<see cref="Enqueue"/> never waits). One worker takes them from a bounded queue (the oldest
/// dropped, and logged, when it overflows); each webhook gets each notice by HTTP POST, retried with doubling
/// waits, failures logged. A notice already delivered (same alert, kind and escalation) is not sent again, so a
/// district that replays its book after a crash does not repeat itself.
/// </summary>
public sealed class AlertWebhooks : IAsyncDisposable
{
    private const int RememberedDeliveries = 10_000;

    private readonly AlertOptions options;
    private readonly ILogger<AlertWebhooks> logger;
    private readonly HttpClient http;
    private readonly Channel<AlertPayload> queue;
    private readonly HashSet<string> delivered = new(StringComparer.Ordinal);
    private readonly Queue<string> deliveredOrder = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lazy<Task> worker;

    public AlertWebhooks(IOptions<AlertOptions> options, ILogger<AlertWebhooks> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        http = new HttpClient { Timeout = this.options.RequestTimeout };
        queue = Channel.CreateBounded<AlertPayload>(
            new BoundedChannelOptions(Math.Max(1, this.options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => logger.LogWarning("Alert delivery queue full: dropped {DeliveryId}", dropped.DeliveryId));
        worker = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Notices delivered to every webhook (or given up on), for tests and metrics.</summary>
    public long Completed => Interlocked.Read(ref completed);

    private long completed;

    public void Enqueue(string districtId, IReadOnlyList<AlertNotice> notices)
    {
        if (options.Webhooks.Count == 0 || notices.Count == 0)
            return;
        _ = worker.Value;
        foreach (var notice in notices)
            queue.Writer.TryWrite(AlertPayload.From(districtId, notice));
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var payload in queue.Reader.ReadAllAsync(stopping.Token))
            {
                if (!Remember(payload.DeliveryId))
                    continue;
                // Webhooks are tried side by side, so one that is down does not hold up the others.
                await Task.WhenAll(options.Webhooks.Select(url => DeliverAsync(url, payload)));
                Interlocked.Increment(ref completed);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(string url, AlertPayload payload)
    {
        var wait = options.FirstRetryDelay;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(url, payload, AlertPayloadJson.Default.AlertPayload, stopping.Token);
                if (response.IsSuccessStatusCode)
                    return;
                logger.LogWarning("Webhook {Url} answered {Status} to alert notice {DeliveryId} (try {Attempt} of {MaxAttempts})",
                    url, (int)response.StatusCode, payload.DeliveryId, attempt, options.MaxAttempts);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook {Url} failed alert notice {DeliveryId} (try {Attempt} of {MaxAttempts})",
                    url, payload.DeliveryId, attempt, options.MaxAttempts);
            }
            if (attempt < options.MaxAttempts)
            {
                await Task.Delay(wait, stopping.Token).ConfigureAwait(false);
                wait *= 2;
            }
        }
        logger.LogError("Gave up delivering alert notice {DeliveryId} to {Url} after {MaxAttempts} tries", payload.DeliveryId, url, options.MaxAttempts);
    }

    /// <summary>True the first time a delivery id is seen; remembers the latest ones only.</summary>
    private bool Remember(string deliveryId)
    {
        if (!delivered.Add(deliveryId))
            return false;
        deliveredOrder.Enqueue(deliveryId);
        if (deliveredOrder.Count > RememberedDeliveries)
            delivered.Remove(deliveredOrder.Dequeue());
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        if (worker.IsValueCreated)
        {
            try
            {
                await worker.Value;
            }
            catch (OperationCanceledException)
            {
            }
        }
        http.Dispose();
        stopping.Dispose();
    }
}
