using CityTwin.Domain.Common;

namespace CityTwin.Domain.Trucks;

/// <summary>
/// The truck's last <see cref="Capacity"/> positions, oldest first, for its trail on the map; coordinates
/// are floats (about 1 m).
/// </summary>
public sealed class TrackHistory() : TimedPairs(Capacity)
{
    public const int Capacity = 24;

    public float[] Latitudes { get => First; set => First = value; }

    public float[] Longitudes { get => Second; set => Second = value; }

    public void Add(DateTimeOffset at, double latitude, double longitude) =>
        AddSample(at, (float)latitude, (float)longitude);
}
