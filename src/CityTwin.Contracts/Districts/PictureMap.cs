using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// A picture's few bands or measures as two arrays: the names (one array per kind, shared by all its twins) and
/// the values. Every active twin and its district hold one picture, and a dictionary of four entries costs some
/// 180 bytes with its buckets where this costs the values array; lookups compare at most a handful of names.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.PictureMap`1")]
public sealed class PictureMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    [Id(0)] private readonly string[] names;
    [Id(1)] private readonly TValue[] values;

    /// <param name="names">Distinct names; the array is kept, never copied or written to.</param>
    /// <param name="values">One value per name, in the same order; kept as given.</param>
    public PictureMap(string[] names, TValue[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Length != values.Length)
            throw new ArgumentException($"{names.Length} names but {values.Length} values", nameof(values));
        this.names = names;
        this.values = values;
    }

    public int Count => names.Length;

    /// <summary>The <paramref name="index"/>th name, for loops that must not allocate an enumerator.</summary>
    public string NameAt(int index) => names[index];

    public TValue ValueAt(int index) => values[index];

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no '{key}' in the picture");

    public IEnumerable<string> Keys => names;

    public IEnumerable<TValue> Values => values;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }
        value = values[index];
        return true;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < names.Length; i++)
            yield return new(names[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        // The names are the PictureBands constants: the same string object, so a reference match comes first.
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], key))
                return i;
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], key, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
