using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CityTwin.Api.Caching;

/// <summary>
/// Values remembered by a string key, at most <paramref name="capacity"/> of them: past that the memo starts
/// over, so requests for ever new keys (random guesses, a crawl of every id) cannot grow it without bound.
/// For values that are cheap to recompute and never wrong to forget.
/// </summary>
public sealed class BoundedMemo<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> values = new(StringComparer.Ordinal);

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => values.TryGetValue(key, out value);

    public void Remember(string key, TValue value)
    {
        if (values.Count >= capacity)
            values.Clear();
        values[key] = value;
    }

    public void Forget(string key) => values.TryRemove(key, out _);
}
