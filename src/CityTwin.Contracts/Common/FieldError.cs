namespace CityTwin.Contracts.Common;

/// <summary>One thing wrong with a request: which field, and why.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.FieldError")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);
