namespace CityTwin.Domain.Streetlights;

/// <summary>
/// The last <see cref="Capacity"/> readings as (time, level, power) for sparklines, oldest first. Times are
/// whole seconds after <see cref="Start"/>, which moves with the oldest sample so the offsets stay small.
/// </summary>
public sealed class LightHistory
{
    public const int Capacity = 48;

    /// <summary>Time of the oldest sample; null while empty.</summary>
    public DateTimeOffset? Start { get; set; }

    public int Count { get; set; }

    public int[] Seconds { get; set; } = new int[Capacity];

    /// <summary>Illuminance level 0..1, rounded to 0.001.</summary>
    public float[] Levels { get; set; } = new float[Capacity];

    /// <summary>Power in W, rounded to 0.1 W, which is finer than metering nodes resolve.</summary>
    public float[] Watts { get; set; } = new float[Capacity];

    public void Add(DateTimeOffset at, double level, double watts)
    {
        if (Start is not { } start)
        {
            Start = start = at;
        }
        else if (Count == Capacity)
        {
            DropOldest();
            start = Start.Value;
        }

        Seconds[Count] = (int)(at - start).TotalSeconds;
        Levels[Count] = (float)Math.Round(level, 3);
        Watts[Count] = (float)Math.Round(watts, 1);
        Count++;
    }

    private void DropOldest()
    {
        var shift = Seconds[1];
        for (var i = 1; i < Capacity; i++)
        {
            Seconds[i - 1] = Seconds[i] - shift;
            Levels[i - 1] = Levels[i];
            Watts[i - 1] = Watts[i];
        }
        Start = Start!.Value.AddSeconds(shift);
        Count--;
    }
}
