namespace CityTwin.Domain.Trucks;

/// <summary>
/// The persisted twin of one collection truck. Reported attributes carry FIWARE Vehicle names
/// (<c>location</c> is kept as latitude and longitude); the rest is ours.
/// </summary>
public sealed class TruckState
{
    public ServiceStatus ServiceStatus { get; set; }

    /// <summary>Last GPS position; null before the first reading.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>km/h.</summary>
    public double Speed { get; set; }

    /// <summary>Degrees clockwise from true north, 0 ≤ heading &lt; 360.</summary>
    public double Heading { get; set; }

    /// <summary>Current load, kg: the on-board scale when it reports, else the sum of collected weights.</summary>
    public double CargoWeight { get; set; }

    public DateTimeOffset? LastReadingAt { get; set; }

    /// <summary>The vehicle itself reported a breakdown and has not reported otherwise since.</summary>
    public bool BrokenReported { get; set; }

    /// <summary>Set by an operator.</summary>
    public bool OutOfService { get; set; }

    /// <summary>When the truck last came to a standstill (or last lifted a bin while standing); null while moving.</summary>
    public DateTimeOffset? StationarySince { get; set; }

    public bool LoadHigh { get; set; }

    public TruckRoute? Route { get; set; }

    public RecentCollections RecentCollections { get; set; } = new();

    public TrackHistory Track { get; set; } = new();
}
