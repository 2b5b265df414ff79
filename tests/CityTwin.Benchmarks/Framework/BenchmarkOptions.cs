using System.Globalization;

namespace CityTwin.Benchmarks.Framework;

/// <summary>The command line of the benchmark runner.</summary>
/// <param name="Only">Figure names or dotted prefixes to run; empty runs everything.</param>
/// <param name="Window">Replaces every benchmark's default measurement window.</param>
/// <param name="ResultsPath">The JSON results file; the Markdown table is written beside it.</param>
/// <param name="RunId">Set when this process runs one benchmark for a parent run (<see cref="ChildRunOption"/>).</param>
public sealed record BenchmarkOptions(IReadOnlyList<string> Only, TimeSpan? Window, string ResultsPath, string? RunId = null)
{
    /// <summary>Internal: run the selection in this process under the parent's run id (see <see cref="BenchmarkRunner"/>).</summary>
    public const string ChildRunOption = "--child-of-run";

    public const string Usage =
        "usage: CityTwin.Benchmarks [--only NAME]... [--window SECONDS] [--results PATH]\n" +
        "  --only NAME       a figure name (storage.write_through.sqlite) or a prefix (storage, storage.); repeatable\n" +
        "  --window SECONDS  measurement window of every selected benchmark, instead of its default\n" +
        "  --results PATH    results file to merge into (default tests/CityTwin.Benchmarks/results/latest.json)";

    /// <exception cref="ArgumentException">An unknown option or a missing or invalid value.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var only = new List<string>();
        TimeSpan? window = null;
        string? results = null;
        string? runId = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--only":
                    only.Add(ValueOf(args, ref i));
                    break;
                case "--window":
                    window = ParseWindow(ValueOf(args, ref i));
                    break;
                case "--results":
                    results = Path.GetFullPath(ValueOf(args, ref i));
                    break;
                case ChildRunOption:
                    runId = ValueOf(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        return new BenchmarkOptions(only, window, results ?? RepositoryPaths.DefaultResultsFile, runId);
    }

    /// <summary>
    /// Whether the figure is selected: no <c>--only</c>, its exact name, or a prefix ending at a dot
    /// (<c>storage</c> and <c>storage.</c> both select <c>storage.write_through.sqlite</c>).
    /// </summary>
    public bool Selects(string figureName) => Only.Count == 0 || Only.Any(name => Matches(name, figureName));

    public static bool Matches(string selector, string figureName) =>
        figureName == selector
        || figureName.StartsWith(selector.EndsWith('.') ? selector : selector + ".", StringComparison.Ordinal);

    /// <summary>The arguments that make a child process run <paramref name="benchmark"/> alone, as part of run <paramref name="runId"/>.</summary>
    public IReadOnlyList<string> ForChild(IBenchmark benchmark, string runId)
    {
        var args = new List<string> { ChildRunOption, runId, "--results", ResultsPath };
        // Every figure name of the benchmark: exactly it is selected (names are unique across the catalog).
        foreach (var name in benchmark.FigureNames)
            args.AddRange(["--only", name]);
        if (Window is { } window)
            args.AddRange(["--window", window.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
        return args;
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"{args[i]} needs a value");
        return args[++i];
    }

    private static TimeSpan ParseWindow(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--window wants a positive number of seconds, not '{value}'");
}
