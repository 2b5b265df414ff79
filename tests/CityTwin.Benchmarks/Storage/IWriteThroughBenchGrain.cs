namespace CityTwin.Benchmarks.Storage;

[Alias("citytwin.benchmarks.IWriteThroughBenchGrain")]
public interface IWriteThroughBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Changes the state and returns once it is stored.</summary>
    [Alias("Write")]
    Task Write(int value);
}
