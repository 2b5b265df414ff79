namespace CityTwin.Benchmarks.Storage;

/// <summary>About 100 bytes of JSON: the order of a small twin's state.</summary>
public sealed class BenchState
{
    public int LastValue { get; set; }

    public long WriteCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string Source { get; set; } = "storage.write_through";
}
