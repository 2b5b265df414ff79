namespace CityTwin.Domain.Common;

/// <summary>
/// A fixed number of the latest (time, value, value) samples, oldest first: a twin's sparkline or trail.
/// Times are whole seconds after <see cref="Start"/>, which moves with the oldest sample so the offsets
/// stay small; values are floats. Kinds name the two channels (level and power, latitude and longitude).
/// </summary>
public abstract class TimedPairs
{
    protected TimedPairs(int capacity)
    {
        Seconds = new int[capacity];
        First = new float[capacity];
        Second = new float[capacity];
    }

    /// <summary>Time of the oldest sample; null while empty.</summary>
    public DateTimeOffset? Start { get; set; }

    public int Count { get; set; }

    public int[] Seconds { get; set; }

    protected float[] First { get; set; }

    protected float[] Second { get; set; }

    /// <summary>The time of sample <paramref name="index"/> (0 is the oldest).</summary>
    public DateTimeOffset TimeOf(int index) => Start!.Value.AddSeconds(Seconds[index]);

    protected void AddSample(DateTimeOffset at, float first, float second)
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
        First[Count] = first;
        Second[Count] = second;
        Count++;
    }

    private void DropOldest()
    {
        var shift = Seconds[1];
        for (var i = 1; i < Seconds.Length; i++)
        {
            Seconds[i - 1] = Seconds[i] - shift;
            First[i - 1] = First[i];
            Second[i - 1] = Second[i];
        }
        Start = Start!.Value.AddSeconds(shift);
        Count--;
    }
}
