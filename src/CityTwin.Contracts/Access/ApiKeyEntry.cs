namespace CityTwin.Contracts.Access;

/// <summary>
/// An API key as the server keeps it: never the key itself, only its HMAC-SHA256 under the server's
/// secret (base64). <see cref="Name"/> identifies the key in audit entries and is unique.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.ApiKeyEntry")]
public sealed record ApiKeyEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string Hash,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? RevokedAt = null)
{
    public bool Active => RevokedAt is null;
}
