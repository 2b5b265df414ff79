using System.Collections.Concurrent;
using CityTwin.Contracts.Districts;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Districts.Delivery;

/// <summary>
/// The silo's way for twins to tell their districts. Twins hand their messages here and go on (they never
/// wait on a district, so the two cannot deadlock); each district gets one batch at a time, awaited, with
/// whatever piled up meanwhile in the next (at most <see cref="MaxBatch"/> a call). A busy district therefore gets bigger batches of coalesced
/// pictures (<see cref="DistrictMailbox"/>) instead of a queue of one-way calls that grows with every
/// reading: at 100,000 twins those queued calls were most of the silo's memory, and a district whose
/// activation queue held half a million messages spent its time in Orleans' workload analysis of that queue.
/// </summary>
public sealed class DistrictOutbox(IGrainFactory grains, ILogger<DistrictOutbox> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Messages in one call. A district of a million twins once had a million pictures pending: one call that
    /// big ran past Orleans' 30 s response timeout again and again, until the outbox dropped the batch.
    /// </summary>
    public const int MaxBatch = 5_000;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    public void Send(string districtId, DistrictMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The district's reference is made once per lane: GetGrain reads the interface's attributes on every call.
        var lane = lanes.GetOrAdd(districtId, static (id, grains) => new Lane(id, grains.GetGrain<IDistrictGrain>(id)), grains);
        lock (lane)
        {
            lane.Mailbox.Add(message);
            if (lane.Sending)
                return;
            lane.Sending = true;
        }
        // Off the caller's grain scheduler: the outbox belongs to no grain.
        _ = Task.Run(() => DeliverAsync(lane));
    }

    private async Task DeliverAsync(Lane lane)
    {
        var district = lane.District;
        var failures = 0;
        while (true)
        {
            IReadOnlyList<DistrictMessage> batch;
            lock (lane)
            {
                if (lane.Mailbox.Count == 0)
                {
                    lane.Sending = false;
                    return;
                }
                batch = lane.Mailbox.Take(MaxBatch);
            }
            try
            {
                await district.Deliver(batch);
                failures = 0;
            }
            catch (Exception e)
            {
                if (++failures >= MaxAttempts)
                {
                    // The district rebuilds its picture from enrolments when it activates; a later move resends a picture.
                    logger.LogError(e, "District {District} refused {Count} messages {Attempts} times; they are dropped", lane.DistrictId, batch.Count, failures);
                    failures = 0;
                    continue;
                }
                logger.LogWarning(e, "Delivering {Count} messages to district {District} failed; retrying", batch.Count, lane.DistrictId);
                lock (lane)
                    lane.Mailbox.PutBack(batch);
                await Task.Delay(FirstRetryDelay * (1 << (failures - 1)));
            }
        }
    }

    /// <summary>One district's mailbox and whether a delivery loop runs for it; callers lock the lane.</summary>
    private sealed class Lane(string districtId, IDistrictGrain district)
    {
        public string DistrictId { get; } = districtId;
        public IDistrictGrain District { get; } = district;
        public DistrictMailbox Mailbox { get; } = new();
        public bool Sending { get; set; }
    }
}
