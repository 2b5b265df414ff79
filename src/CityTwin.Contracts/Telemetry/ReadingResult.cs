using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Telemetry;

[GenerateSerializer, Alias("citytwin.ReadingOutcome")]
public enum ReadingOutcome
{
    /// <summary>The reading moved the twin's current state.</summary>
    Applied,
    /// <summary>Already applied (a redelivery); ignored.</summary>
    Duplicate,
    /// <summary>Older than the newest applied reading: counted, kept out of current state.</summary>
    Late,
    /// <summary>Refused; <see cref="ReadingResult.Errors"/> says why.</summary>
    Rejected,
}

/// <summary>What became of one reading. A rejected reading changes nothing.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.ReadingResult")]
public sealed record ReadingResult(
    [property: Id(0)] ReadingOutcome Outcome,
    [property: Id(1)] IReadOnlyList<FieldError> Errors)
{
    public static ReadingResult Applied { get; } = new(ReadingOutcome.Applied, []);
    public static ReadingResult Duplicate { get; } = new(ReadingOutcome.Duplicate, []);
    public static ReadingResult Late { get; } = new(ReadingOutcome.Late, []);

    public static ReadingResult Rejected(IReadOnlyList<FieldError> errors) => new(ReadingOutcome.Rejected, errors);

    public static ReadingResult Rejected(string field, string message) => new(ReadingOutcome.Rejected, [new FieldError(field, message)]);
}
