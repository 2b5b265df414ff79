namespace CityTwin.Domain.Common;

/// <summary>
/// The staleness deadlines of one district's twins, in memory: one timer per district instead of one
/// per twin. Rebuilt from the twins after a restart (each twin <see cref="Set"/>s its deadline when it
/// activates or hears from its device).
/// <para>
/// A binary heap with lazy deletion: <see cref="Set"/> and <see cref="Remove"/> only touch a dictionary
/// entry and push one heap node (O(log n)); superseded heap nodes are recognised by a version number
/// when they reach the top, and the heap is rebuilt when they outnumber the live entries.
/// About 100 bytes per asset (the id string not counted). Not thread-safe: a grain owns it.
/// </para>
/// </summary>
public sealed class DeadlineIndex
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private PriorityQueue<Node, long> _heap = new();
    private long _version;

    /// <summary>Assets tracked.</summary>
    public int Count => _entries.Count;

    /// <summary>Tracks <paramref name="assetId"/> with a new deadline, replacing any earlier one.</summary>
    public void Set(string assetId, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(assetId);
        var ticks = deadline.UtcTicks;
        if (_entries.TryGetValue(assetId, out var existing) && existing.DeadlineTicks == ticks)
            return;
        var version = ++_version;
        _entries[assetId] = new(version, ticks);
        _heap.Enqueue(new(assetId, version), ticks);
        CompactIfWasteful();
    }

    /// <summary>Stops tracking <paramref name="assetId"/>; false when it was not tracked.</summary>
    public bool Remove(string assetId)
    {
        ArgumentNullException.ThrowIfNull(assetId);
        var removed = _entries.Remove(assetId);
        if (removed)
            CompactIfWasteful();
        return removed;
    }

    public bool TryGetDeadline(string assetId, out DateTimeOffset deadline)
    {
        if (_entries.TryGetValue(assetId, out var entry))
        {
            deadline = new DateTimeOffset(entry.DeadlineTicks, TimeSpan.Zero);
            return true;
        }

        deadline = default;
        return false;
    }

    /// <summary>The earliest deadline tracked, for scheduling the district's one timer; null when empty.</summary>
    public DateTimeOffset? NextDeadline()
    {
        DropSupersededTop();
        return _heap.TryPeek(out _, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> assets whose deadline is at or before <paramref name="now"/>, earliest
    /// first. They are no longer tracked; one that is <see cref="Set"/> again is tracked again.
    /// </summary>
    public IReadOnlyList<string> TakeOverdue(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var nowTicks = now.UtcTicks;
        var overdue = new List<string>();
        while (overdue.Count < max && _heap.TryPeek(out var node, out var ticks) && ticks <= nowTicks)
        {
            _heap.Dequeue();
            if (IsCurrent(node))
            {
                _entries.Remove(node.AssetId);
                overdue.Add(node.AssetId);
            }
        }

        return overdue;
    }

    private bool IsCurrent(Node node) =>
        _entries.TryGetValue(node.AssetId, out var entry) && entry.Version == node.Version;

    private void DropSupersededTop()
    {
        while (_heap.TryPeek(out var node, out _) && !IsCurrent(node))
            _heap.Dequeue();
    }

    private void CompactIfWasteful()
    {
        if (_heap.Count <= 2 * _entries.Count + 1024)
            return;
        _heap = new PriorityQueue<Node, long>(
            _entries.Select(e => (new Node(e.Key, e.Value.Version), e.Value.DeadlineTicks)));
    }

    private readonly record struct Entry(long Version, long DeadlineTicks);

    private readonly record struct Node(string AssetId, long Version);
}
