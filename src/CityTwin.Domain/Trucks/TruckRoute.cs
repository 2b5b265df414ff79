namespace CityTwin.Domain.Trucks;

/// <summary>
/// The route a truck is driving, kept as parallel arrays (about 40 bytes of JSON per stop). Coordinates are
/// floats: about 1 m of precision anywhere on Earth, enough to find a bin.
/// </summary>
public sealed class TruckRoute
{
    public string PlanId { get; set; } = "";

    public string[] StopIds { get; set; } = [];

    public float[] StopLatitudes { get; set; } = [];

    public float[] StopLongitudes { get; set; } = [];

    public bool[] Completed { get; set; } = [];

    public int CompletedCount { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>First stop in route order not yet collected; null when all are done.</summary>
    public int? NextStopIndex()
    {
        var index = Array.IndexOf(Completed, false);
        return index < 0 ? null : index;
    }

    /// <summary>Marks the bin's stop done; returns its index, or null when it is not an open stop.</summary>
    public int? CompleteStop(string binId)
    {
        var index = Array.IndexOf(StopIds, binId);
        if (index < 0 || Completed[index])
            return null;
        Completed[index] = true;
        CompletedCount++;
        return index;
    }

    public bool HasOpenStops() => CompletedCount < StopIds.Length;
}
