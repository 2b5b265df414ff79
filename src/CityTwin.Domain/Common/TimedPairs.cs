namespace CityTwin.Domain.Common;

/// <summary>
/// A fixed number of the latest (time, value, value) samples, oldest first: a twin's sparkline or trail.
/// Times are whole seconds after <see cref="Start"/>, which moves with the oldest sample so the offsets
/// stay small. The values are kept as <typeparamref name="T"/> (a kind quantises them as it sees fit)
/// in one array, the two of a sample side by side: at a million twins every array header counts.
/// Kinds name the two channels (level and power, latitude and longitude) and give each its JSON array.
/// </summary>
public abstract class TimedPairs<T> where T : struct
{
    private readonly int[] seconds;
    private readonly T[] pairs;
    private int count;

    protected TimedPairs(int capacity)
    {
        seconds = new int[capacity];
        pairs = new T[2 * capacity];
    }

    /// <summary>Time of the oldest sample; null while empty.</summary>
    public DateTimeOffset? Start { get; set; }

    public int Count { get => count; set => count = Math.Clamp(value, 0, seconds.Length); }

    /// <summary>Every slot's offset; read from JSON into the fixed capacity.</summary>
    public int[] Seconds
    {
        get => seconds;
        set
        {
            Array.Clear(seconds);
            value?.AsSpan(0, Math.Min(value.Length, seconds.Length)).CopyTo(seconds);
        }
    }

    /// <summary>The time of sample <paramref name="index"/> (0 is the oldest).</summary>
    public DateTimeOffset TimeOf(int index) => Start!.Value.AddSeconds(Seconds[index]);

    protected T FirstAt(int index) => pairs[2 * index];

    protected T SecondAt(int index) => pairs[2 * index + 1];

    /// <summary>One channel (0 first, 1 second) as an array of every slot, for JSON.</summary>
    protected TOut[] ReadChannel<TOut>(int channel, Func<T, TOut> convert)
    {
        var values = new TOut[Seconds.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = convert(pairs[2 * i + channel]);
        return values;
    }

    /// <summary>Sets one channel from JSON; slots beyond the capacity are ignored, missing ones cleared.</summary>
    protected void WriteChannel<TIn>(int channel, TIn[]? values, Func<TIn, T> convert)
    {
        for (var i = 0; i < Seconds.Length; i++)
            pairs[2 * i + channel] = values is not null && i < values.Length ? convert(values[i]) : default;
    }

    protected void AddSample(DateTimeOffset at, T first, T second)
    {
        if (Start is not { } start)
        {
            Start = start = at;
        }
        else if (Count == Seconds.Length)
        {
            DropOldest();
            start = Start.Value;
        }
        Seconds[Count] = (int)(at - start).TotalSeconds;
        pairs[2 * Count] = first;
        pairs[2 * Count + 1] = second;
        Count++;
    }

    private void DropOldest()
    {
        var shift = Seconds[1];
        for (var i = 1; i < Seconds.Length; i++)
            Seconds[i - 1] = Seconds[i] - shift;
        Array.Copy(pairs, 2, pairs, 0, pairs.Length - 2);
        Start = Start!.Value.AddSeconds(shift);
        Count--;
    }
}
