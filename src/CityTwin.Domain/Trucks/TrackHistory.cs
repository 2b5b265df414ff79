namespace CityTwin.Domain.Trucks;

/// <summary>
/// The truck's last <see cref="Capacity"/> positions, oldest first, for its trail on the map. Times are whole
/// seconds after <see cref="Start"/>, which moves with the oldest point so the offsets stay small;
/// coordinates are floats (about 1 m).
/// </summary>
public sealed class TrackHistory
{
    public const int Capacity = 24;

    /// <summary>Time of the oldest point; null while empty.</summary>
    public DateTimeOffset? Start { get; set; }

    public int Count { get; set; }

    public int[] Seconds { get; set; } = new int[Capacity];

    public float[] Latitudes { get; set; } = new float[Capacity];

    public float[] Longitudes { get; set; } = new float[Capacity];

    public void Add(DateTimeOffset at, double latitude, double longitude)
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
        Latitudes[Count] = (float)latitude;
        Longitudes[Count] = (float)longitude;
        Count++;
    }

    private void DropOldest()
    {
        var shift = Seconds[1];
        for (var i = 1; i < Capacity; i++)
        {
            Seconds[i - 1] = Seconds[i] - shift;
            Latitudes[i - 1] = Latitudes[i];
            Longitudes[i - 1] = Longitudes[i];
        }
        Start = Start!.Value.AddSeconds(shift);
        Count--;
    }
}
