using System.Text.Json.Serialization;

namespace CityTwin.Benchmarks.Framework;

/// <summary>One measured figure, as stored in results/latest.json.</summary>
/// <param name="Run">Id of the run that measured it, kept when later runs refresh other figures.</param>
/// <param name="WindowSeconds">How long the measurement lasted.</param>
/// <param name="Note">What was configured: sizes, concurrency, database settings.</param>
public sealed record Figure(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("window_s")] double WindowSeconds,
    [property: JsonPropertyName("note")] string Note);
