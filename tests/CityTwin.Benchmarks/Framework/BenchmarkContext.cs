namespace CityTwin.Benchmarks.Framework;

/// <summary>What a benchmark gets from the run it is part of.</summary>
public sealed class BenchmarkContext(string runId, TimeSpan? windowOverride, TextWriter output, CancellationToken cancellationToken)
{
    /// <summary>The run id every figure of this run carries.</summary>
    public string RunId { get; } = runId;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The measurement window: <c>--window</c> when given, else the benchmark's own default.</summary>
    public TimeSpan Window(TimeSpan standard) => windowOverride ?? standard;

    /// <summary>Progress worth seeing while a benchmark runs (servers starting, warm-up done).</summary>
    public void Progress(string message) => output.WriteLine($"  {message}");
}
