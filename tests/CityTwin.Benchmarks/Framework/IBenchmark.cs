namespace CityTwin.Benchmarks.Framework;

/// <summary>
/// One measurement that yields one or more figures. A benchmark that fails yields none, so figures that
/// should survive each other's failures belong to separate benchmarks.
/// </summary>
public interface IBenchmark
{
    /// <summary>What progress output calls it.</summary>
    string Name { get; }

    /// <summary>The names (from BENCHMARKS.md) of the figures it returns; <c>--only</c> selects by them.</summary>
    IReadOnlyList<string> FigureNames { get; }

    /// <summary>Left out of a run without <c>--only</c>: too long for the suite's half hour (it says how long).</summary>
    bool OnlyWhenAsked => false;

    Task<IReadOnlyList<Figure>> RunAsync(BenchmarkContext context);
}
