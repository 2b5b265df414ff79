using System.Globalization;
using CityTwin.Benchmarks.Results;

namespace CityTwin.Benchmarks.Framework;

/// <summary>
/// Runs the selected benchmarks one after another, prints each figure as it comes, and merges what was
/// measured into the results file even when a later benchmark fails. When several are selected, each runs in
/// a process of its own under one run id, so that no figure depends on what ran before it in the same
/// process: in one process, the figures measured after the 100,000-twin memory benchmark came out lower
/// than the same benchmarks run alone (its heap, threads and page cache stayed behind).
/// </summary>
public static class BenchmarkRunner
{
    /// <returns>0 when every selected benchmark succeeded, 1 when one failed, 2 when the selection is wrong.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<IBenchmark> catalog, BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var known = catalog.SelectMany(b => b.FigureNames).ToList();
        var unknown = options.Only.Where(name => !known.Any(f => BenchmarkOptions.Matches(name, f))).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"--only {string.Join(", ", unknown)} selects no figure; known figures: {string.Join(", ", known)}");
            return 2;
        }

        var selected = (options.Only.Count == 0
            ? catalog.Where(b => !b.OnlyWhenAsked)
            : catalog.Where(b => b.FigureNames.Any(options.Selects))).ToList();
        if (options.RunId is null && selected.Count > 1)
            return await RunEachInItsOwnProcessAsync(selected, options, output, cancellationToken);

        var run = options.RunId is { } parentRun ? BenchmarkRun.Of(parentRun) : BenchmarkRun.StartingNow();
        var context = new BenchmarkContext(run.Id, options.Window, output, cancellationToken);
        var measured = new List<Figure>();
        var failed = new List<string>();
        output.WriteLine($"Run {run.Id}: results to {options.ResultsPath}");
        foreach (var benchmark in selected)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                failed.Add($"{benchmark.Name} (cancelled before it started)");
                continue;
            }
            output.WriteLine($"{benchmark.Name}:");
            try
            {
                foreach (var figure in await benchmark.RunAsync(context))
                {
                    if (!benchmark.FigureNames.Contains(figure.Name))
                        throw new InvalidOperationException($"returned figure '{figure.Name}', which it does not declare");
                    output.WriteLine($"  {Describe(figure)}");
                    measured.Add(figure);
                }
            }
            catch (Exception e)
            {
                output.WriteLine($"  FAILED: {e}");
                failed.Add(benchmark.Name);
            }
        }

        if (measured.Count > 0)
        {
            var previous = await ResultsFile.ReadAsync(options.ResultsPath, CancellationToken.None);
            var document = ResultsDocument.Merge(previous, run, MachineDescription.Current(), measured);
            await ResultsFile.WriteAsync(options.ResultsPath, document, CancellationToken.None);
        }

        WriteSummary(output, run, measured, failed, options.ResultsPath);
        return failed.Count == 0 ? 0 : 1;
    }

    /// <summary>One child process per benchmark, one after another; each merges its figures into the results file.</summary>
    private static async Task<int> RunEachInItsOwnProcessAsync(
        IReadOnlyList<IBenchmark> selected, BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var run = BenchmarkRun.StartingNow();
        output.WriteLine($"Run {run.Id}: {selected.Count} benchmarks, each in a process of its own; results to {options.ResultsPath}");
        output.Flush();
        var failed = new List<string>();
        foreach (var benchmark in selected)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                failed.Add($"{benchmark.Name} (cancelled before it started)");
                continue;
            }
            var exitCode = await BenchmarkProcess.RunAsync(options.ForChild(benchmark, run.Id), cancellationToken);
            if (exitCode != 0)
                failed.Add($"{benchmark.Name} (exit code {exitCode})");
        }

        var document = await ResultsFile.ReadAsync(options.ResultsPath, CancellationToken.None);
        var measured = document?.Figures.Where(f => f.Run == run.Id).ToList() ?? [];
        WriteSummary(output, run, measured, failed, options.ResultsPath);
        return failed.Count == 0 ? 0 : 1;
    }

    private static void WriteSummary(TextWriter output, BenchmarkRun run, IReadOnlyList<Figure> measured, IReadOnlyList<string> failed, string resultsPath)
    {
        output.WriteLine();
        output.WriteLine($"Summary of run {run.Id}:");
        foreach (var figure in measured) output.WriteLine($"  {Describe(figure)}");
        foreach (var name in failed) output.WriteLine($"  {name}: FAILED");
        output.WriteLine(measured.Count > 0
            ? $"  written to {resultsPath} and {ResultsFile.MarkdownPath(resultsPath)}"
            : "  nothing measured; results file left as it was");
    }

    private static string Describe(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{figure.Name} = {ResultsMarkdown.FormatValue(figure.Value)} {figure.Unit} over {figure.WindowSeconds:0.#} s ({figure.Note})");
}
