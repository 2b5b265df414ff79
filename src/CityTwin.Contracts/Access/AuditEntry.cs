namespace CityTwin.Contracts.Access;

/// <summary>
/// One command or provisioning change made over the API: who (key name or user, and role), what (the
/// request and its target), when, and the outcome (HTTP status and, when refused, why).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Who,
    [property: Id(2)] string Role,
    /// <summary>Method and route pattern, e.g. <c>POST /api/v1/commands/bins/{binId}/collected</c>.</summary>
    [property: Id(3)] string Action,
    /// <summary>The route values and body, as JSON.</summary>
    [property: Id(4)] string Request,
    [property: Id(5)] int Status,
    /// <summary>accepted, rejected, notFound, conflict or failed.</summary>
    [property: Id(6)] string Outcome,
    [property: Id(7)] string? Detail);
