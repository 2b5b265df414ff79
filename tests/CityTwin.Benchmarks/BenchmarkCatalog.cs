using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Ingestion;
using CityTwin.Benchmarks.Storage;
using CityTwin.Benchmarks.Twins;
using CityTwin.Contracts.Assets;
using CityTwin.Host.Configuration;

namespace CityTwin.Benchmarks;

/// <summary>Every benchmark, in the order a full run measures them.</summary>
public static class BenchmarkCatalog
{
    /// <summary>How each kind's twins are provisioned and fed in the twin benchmarks.</summary>
    // Declared before All, which reads it while the class initialises.
    private static IReadOnlyDictionary<AssetKind, KindWorkload> Workloads { get; } = new KindWorkload[]
    {
        new BinWorkload(),
        new StreetlightWorkload(),
        new IntersectionWorkload(),
        new TruckWorkload(),
        new AirQualityWorkload(),
    }.ToDictionary(w => w.Kind);

    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new StorageWriteThroughBenchmark(StorageProvider.Sqlite),
        new StorageWriteThroughBenchmark(StorageProvider.PostgreSql),
        .. Workloads.Values.Select(w => new TwinApplyBenchmark(w)),
        new TwinMemoryBenchmark(100_000, "twins.memory_per_twin.100k", Workloads),
        new IngestionBenchmark(Workloads),
    ];
}
