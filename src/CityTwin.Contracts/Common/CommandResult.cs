namespace CityTwin.Contracts.Common;

/// <summary>
/// The outcome of a command sent to a grain. A rejected command changes nothing and names every
/// field that was wrong, so callers (HTTP, MQTT, import) can report it without guessing.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.CommandResult")]
public sealed record CommandResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] IReadOnlyList<FieldError> Errors)
{
    public static CommandResult Ok { get; } = new(true, []);

    public static CommandResult Rejected(IReadOnlyList<FieldError> errors) => new(false, errors);

    public static CommandResult Rejected(string field, string message) => new(false, [new FieldError(field, message)]);
}
