using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Storage;
using CityTwin.Host.Configuration;

namespace CityTwin.Benchmarks;

/// <summary>Every benchmark, in the order a full run measures them.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new StorageWriteThroughBenchmark(StorageProvider.Sqlite),
        new StorageWriteThroughBenchmark(StorageProvider.PostgreSql),
    ];
}
