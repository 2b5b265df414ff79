using System.Text.Json.Serialization;
using CityTwin.Benchmarks.Framework;

namespace CityTwin.Benchmarks.Results;

/// <summary>
/// The content of results/latest.json (format in BENCHMARKS.md). Run, date and machine are those of the
/// latest run; each figure carries the run that measured it.
/// </summary>
public sealed record ResultsDocument(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("machine")] MachineDescription Machine,
    [property: JsonPropertyName("setup")] string Setup,
    [property: JsonPropertyName("figures")] IReadOnlyList<Figure> Figures)
{
    public const string StandardSetup = "load generator and host on the same machine";

    /// <summary>
    /// This run's figures merged into the previous document: a re-measured figure takes the place of
    /// the old one of its name; every other old figure stays as it was, with its own run.
    /// </summary>
    public static ResultsDocument Merge(ResultsDocument? previous, BenchmarkRun run, MachineDescription machine, IReadOnlyList<Figure> measured)
    {
        var byName = measured.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var old = previous?.Figures ?? [];
        var figures = old
            .Select(f => byName.GetValueOrDefault(f.Name) ?? f)
            .Concat(measured.Where(f => !old.Any(o => o.Name == f.Name)))
            .ToList();
        return new ResultsDocument(run.Id, run.Date, machine, StandardSetup, figures);
    }
}
