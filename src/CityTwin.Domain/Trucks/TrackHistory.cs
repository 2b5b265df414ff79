using CityTwin.Domain.Common;

namespace CityTwin.Domain.Trucks;

/// <summary>
/// The truck's last <see cref="Capacity"/> positions, oldest first, for its trail on the map; coordinates
/// are floats (about 1 m).
/// </summary>
public sealed class TrackHistory() : TimedPairs<float>(Capacity)
{
    public const int Capacity = 24;

    /// <summary>Every slot's latitude, as stored in JSON.</summary>
    public float[] Latitudes { get => ReadChannel(0, Same); set => WriteChannel(0, value, Same); }

    public float[] Longitudes { get => ReadChannel(1, Same); set => WriteChannel(1, value, Same); }

    public float LatitudeAt(int index) => FirstAt(index);

    public float LongitudeAt(int index) => SecondAt(index);

    public void Add(DateTimeOffset at, double latitude, double longitude) =>
        AddSample(at, (float)latitude, (float)longitude);

    private static readonly Func<float, float> Same = static value => value;
}
