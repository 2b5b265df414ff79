using CityTwin.Contracts.Districts;

namespace CityTwin.Grains.Districts.Delivery;

/// <summary>
/// What one district has yet to be told by this silo's twins, in order. A notification that only moves an
/// asset's picture replaces that asset's pending one when nothing else about the asset came after it, so
/// under load the mailbox holds at most one picture per asset: it coalesces, it does not queue. Signals,
/// enrolments and withdrawals are never merged away. Not thread-safe: <see cref="DistrictOutbox"/> locks it.
/// </summary>
public sealed class DistrictMailbox
{
    private List<DistrictMessage> pending = [];
    /// <summary>
    /// Where each asset's pending picture-only notification is, while it is that asset's latest message: counted
    /// from the first message since the mailbox was last empty, so that taking from the front moves no entry.
    /// </summary>
    private readonly Dictionary<string, long> pictureOnlyAt = new(StringComparer.Ordinal);

    /// <summary>Messages taken from the front since the mailbox was last empty.</summary>
    private long taken;

    public int Count => pending.Count;

    public void Add(DistrictMessage message)
    {
        if (message is AssetNotified { Notification: var notification } && IsPictureOnly(notification))
        {
            if (pictureOnlyAt.TryGetValue(message.AssetId, out var at))
            {
                var index = (int)(at - taken);
                pending[index] = new AssetNotified(Merge(((AssetNotified)pending[index]).Notification, notification));
                return;
            }
            pictureOnlyAt[message.AssetId] = taken + pending.Count;
        }
        else
        {
            pictureOnlyAt.Remove(message.AssetId);
        }
        pending.Add(message);
    }

    /// <summary>Everything pending, oldest first; the mailbox is empty afterwards.</summary>
    public IReadOnlyList<DistrictMessage> TakeAll()
    {
        var batch = pending;
        pending = [];
        pictureOnlyAt.Clear();
        taken = 0;
        return batch;
    }

    /// <summary>
    /// The oldest <paramref name="max"/> pending messages (all, if fewer); the rest stay, and a later picture of
    /// an asset still pending merges into it as before. Costs the batch, not what stays: under the outbox's lock,
    /// with a million messages pending, re-indexing what stayed on every take would hold up every twin.
    /// </summary>
    public IReadOnlyList<DistrictMessage> Take(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (pending.Count <= max)
            return TakeAll();
        var batch = pending.GetRange(0, max);
        pending.RemoveRange(0, max);
        // An asset whose pending picture left with the batch gets its next one as a message of its own.
        for (var i = 0; i < batch.Count; i++)
        {
            if (pictureOnlyAt.TryGetValue(batch[i].AssetId, out var at) && at == taken + i)
                pictureOnlyAt.Remove(batch[i].AssetId);
        }
        taken += max;
        return batch;
    }

    /// <summary>A batch that could not be delivered goes back in front of what came since, in its order.</summary>
    public void PutBack(IReadOnlyList<DistrictMessage> batch)
    {
        var since = TakeAll();
        foreach (var message in batch)
            Add(message);
        foreach (var message in since)
            Add(message);
    }

    private static bool IsPictureOnly(AssetNotification notification) => notification.Signals.Count == 0;

    /// <summary>Two picture-only notifications of one asset as one: the later picture, deadline and time win.</summary>
    private static AssetNotification Merge(AssetNotification earlier, AssetNotification later) => later with
    {
        Picture = later.Picture ?? earlier.Picture,
        NextDeadline = later.NextDeadline ?? earlier.NextDeadline,
    };
}
