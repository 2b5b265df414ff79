using System.Collections.Concurrent;

namespace CityTwin.Simulator.Devices;

/// <summary>What happened in the simulated city (a fire, a failed sensor, a truck breaking down), for the log and counts.</summary>
public sealed class SimulationJournal
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <summary>Raised for every event; the demo logs them.</summary>
    public event Action<string, string>? Happened;

    public void Record(string assetId, string what)
    {
        var key = what.Split(':')[0];
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Happened?.Invoke(assetId, what);
    }

    /// <summary>Events so far by their kind (the text before a colon).</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;
}
