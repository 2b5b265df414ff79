using CityTwin.Contracts.Live;

namespace CityTwin.Grains.Districts.Feed;

/// <summary>
/// A district's numbered events in a ring of fixed size. It records only while someone reads: with no reader
/// for <see cref="IdleAfter"/> the ring is dropped and an event costs an id and nothing else, so a district
/// nobody watches pays no memory and a watched one at most <see cref="Capacity"/> small records (their
/// dictionaries are the twins' own pictures, shared). Ids start at the activation's start time in
/// microseconds, so a new activation numbers above the last one (unless that averaged over 1,000 events a
/// millisecond) and a reader of the old one is sent a snapshot.
/// </summary>
public sealed class LiveFeedBuffer(DateTimeOffset activatedAt, int capacity = LiveFeedBuffer.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    /// <summary>How long after the last read the ring is kept: a reader reconnecting within it resumes.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(2);

    private LiveEvent?[]? ring;
    private long nextId = activatedAt.ToUnixTimeMilliseconds() * 1000 + 1;
    /// <summary>The first id the ring holds (or will hold): events before it were not recorded.</summary>
    private long recordedFrom;
    private long lastReadTicks;
    private TaskCompletionSource? arrival;

    public int Capacity { get; } = capacity;

    public long LatestId => nextId - 1;

    public bool Recording => ring is not null;

    /// <summary>
    /// Numbers the next event; true when it is to be recorded (<see cref="Add"/> it), false when nobody reads
    /// and the id is all it costs.
    /// </summary>
    public bool TryNumber(out long id)
    {
        id = nextId++;
        if (ring is not null && Environment.TickCount64 - lastReadTicks > (long)IdleAfter.TotalMilliseconds)
            ring = null;
        if (ring is null)
            recordedFrom = nextId;
        return ring is not null;
    }

    /// <summary>Keeps an event numbered by <see cref="TryNumber"/> and wakes waiting readers.</summary>
    public void Add(LiveEvent live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (ring is null || live.Id != nextId - 1)
            throw new InvalidOperationException($"event {live.Id} was not the one just numbered ({nextId - 1}) while recording");
        ring[live.Id % Capacity] = live;
        if (arrival is { } waiting)
        {
            arrival = null;
            waiting.TrySetResult();
        }
    }

    /// <summary>A reader asked: recording starts (or goes on) from here.</summary>
    public void Touch()
    {
        lastReadTicks = Environment.TickCount64;
        if (ring is null)
        {
            ring = new LiveEvent?[Capacity];
            recordedFrom = nextId;
        }
    }

    /// <summary>True when every event after <paramref name="afterId"/> is still held (none missed).</summary>
    public bool CanResumeFrom(long afterId) =>
        afterId <= LatestId && afterId >= Math.Max(recordedFrom, nextId - Capacity) - 1;

    /// <summary>The held events after <paramref name="afterId"/>, oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<LiveEvent> After(long afterId, int max)
    {
        if (ring is null || !CanResumeFrom(afterId))
            return [];
        var count = (int)Math.Min(max, LatestId - afterId);
        var events = new LiveEvent[count];
        for (var i = 0; i < count; i++)
            events[i] = ring[(afterId + 1 + i) % Capacity]!;
        return events;
    }

    /// <summary>Completes when the next event is added or <paramref name="wait"/> has passed.</summary>
    public Task WaitForNextAsync(TimeSpan wait)
    {
        arrival ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Task.WhenAny(arrival.Task, Task.Delay(wait));
    }
}
