using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Benchmarks.Framework;
using CityTwin.Routing.CvrpLib;
using CityTwin.Routing.Solving;

namespace CityTwin.Benchmarks.CollectionPlanning;

/// <summary>
/// district.cvrplib_gap_pct: the worst gap to the proven optimum over the CVRPLIB instances the routing
/// tests solve (every <c>.vrp</c> in tests/CityTwin.Routing.Tests/Data/cvrplib, each with its optimum in
/// its COMMENT line), at the tests' time limit.
/// </summary>
public sealed partial class CvrpLibGapBenchmark : IBenchmark
{
    /// <summary>The routing tests' per-instance limit (PublishedInstances.TimeLimit).</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(3);

    public string Name => "CollectionPlanning/CvrpLibGapBenchmark";

    public IReadOnlyList<string> FigureNames => ["district.cvrplib_gap_pct"];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "CityTwin.Routing.Tests", "Data", "cvrplib");
        var gaps = new List<string>();
        var worst = double.NegativeInfinity;
        var started = DateTime.UtcNow;
        foreach (var file in Directory.GetFiles(directory, "*.vrp").Order(StringComparer.Ordinal))
        {
            var instance = CvrpLibReader.ReadFile(file);
            var optimum = OptimumInComment().Match(instance.Comment ?? "") is { Success: true } match
                ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"{file}: its COMMENT states no 'Optimal value'");
            var solution = await VehicleRoutingSolver.SolveAsync(instance.ToProblem(TimeLimit), context.CancellationToken);
            var gap = 100.0 * (solution.Cost - optimum) / optimum;
            worst = Math.Max(worst, gap);
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{instance.Name} {solution.Cost} vs {optimum} ({gap:0.##}%)"));
            context.Progress(gaps[^1]);
        }
        var note = $"{string.Join(", ", gaps)}; {TimeLimit.TotalSeconds:0} s each, PATH_CHEAPEST_ARC + GUIDED_LOCAL_SEARCH, optima from CVRPLIB";
        return [new Figure("district.cvrplib_gap_pct", Math.Round(worst, 2), "%", context.RunId, (DateTime.UtcNow - started).TotalSeconds, note)];
    }

    [GeneratedRegex(@"Optimal value:\s*(\d+)")]
    private static partial Regex OptimumInComment();
}
