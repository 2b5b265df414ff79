using CityTwin.Benchmarks.CollectionPlanning;
using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Http;
using CityTwin.Benchmarks.Ingestion;
using CityTwin.Benchmarks.Live;
using CityTwin.Benchmarks.Savings;
using CityTwin.Benchmarks.Storage;
using CityTwin.Benchmarks.Twins;
using CityTwin.Contracts.Assets;
using CityTwin.Host.Configuration;
using CityTwin.Savings.District;

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
        // 48 and 62 minutes in its two runs here: run by name (--only twins.memory_per_twin.1m), not by the plain command.
        new TwinMemoryBenchmark(1_000_000, "twins.memory_per_twin.1m", Workloads),
        // Targets from issue 6: 200 bins within 2 s, 1,000 within 10 s; 5,000 measured.
        new DistrictPlanBenchmark(200, 5, TimeSpan.FromSeconds(1.7)),
        new DistrictPlanBenchmark(1_000, 20, TimeSpan.FromSeconds(9)),
        new DistrictPlanBenchmark(5_000, 80, TimeSpan.FromSeconds(30)),
        new CvrpLibGapBenchmark(),
        new IngestionBenchmark(Workloads),
        // Issue 6: five seeds of a 150-bin, 200-light district's week (sized for a shared 2-core machine).
        new DistrictSavingsBenchmark([1, 2, 3, 4, 5], new DistrictSettings { Bins = 150, Lights = 200 }),
        // Issue 7: twin by id at 5,000 requests/s (target p99 at most 2 ms), district summary (at most 5 ms).
        new HttpApiBenchmark(),
        // Issue 7: the live page with 1,000 assets at 200 updates/s (target p95 under 50 ms).
        new PageFrameBenchmark(),
    ];
}
