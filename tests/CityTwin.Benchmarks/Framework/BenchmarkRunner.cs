using System.Globalization;
using CityTwin.Benchmarks.Results;

namespace CityTwin.Benchmarks.Framework;

/// <summary>
/// Runs the selected benchmarks one after another, prints each figure as it comes, and merges what was
/// measured into the results file even when a later benchmark fails.
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

        var run = BenchmarkRun.StartingNow();
        var context = new BenchmarkContext(run.Id, options.Window, output, cancellationToken);
        var measured = new List<Figure>();
        var failed = new List<string>();
        output.WriteLine($"Run {run.Id}: results to {options.ResultsPath}");
        var selected = options.Only.Count == 0
            ? catalog.Where(b => !b.OnlyWhenAsked)
            : catalog.Where(b => b.FigureNames.Any(options.Selects));
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

        output.WriteLine();
        output.WriteLine($"Summary of run {run.Id}:");
        foreach (var figure in measured) output.WriteLine($"  {Describe(figure)}");
        foreach (var name in failed) output.WriteLine($"  {name}: FAILED");
        output.WriteLine(measured.Count > 0
            ? $"  written to {options.ResultsPath} and {ResultsFile.MarkdownPath(options.ResultsPath)}"
            : "  nothing measured; results file left as it was");
        return failed.Count == 0 ? 0 : 1;
    }

    private static string Describe(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{figure.Name} = {ResultsMarkdown.FormatValue(figure.Value)} {figure.Unit} over {figure.WindowSeconds:0.#} s ({figure.Note})");
}
