using CityTwin.Api.Security;

namespace CityTwin.Api.Tests;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    Anonymous,
    /// <summary>Any signed-in caller, public included.</summary>
    SignedIn,
    Read,
    Command,
    Admin,
}

/// <summary>
/// One endpoint of /api/v1 as the matrix calls it: its route pattern (as the host maps it), a concrete
/// path and body that succeed for a caller with the right, and who may call it.
/// </summary>
public sealed record EndpointCase(string Method, string Pattern, Access Access, Func<ApiHostFixture, string>? Path = null, Func<ApiHostFixture, object?>? Body = null)
{
    public string PathFor(ApiHostFixture host) => Path?.Invoke(host) ?? Pattern;

    public bool Allows(string? role) => Access switch
    {
        Access.Anonymous => true,
        Access.SignedIn => role is not null,
        Access.Read => role is ApiRoles.Admin or ApiRoles.Operator or ApiRoles.Analyst,
        Access.Command => role is ApiRoles.Admin or ApiRoles.Operator,
        Access.Admin => role is ApiRoles.Admin,
        _ => false,
    };

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint the API maps. <see cref="EndpointMatrixTests"/> fails when the host maps one that is not
/// here, so a new endpoint cannot skip the role matrix.
/// </summary>
public static class EndpointTable
{
    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        new("GET", "/openapi/v1.json", Access.Anonymous),
        new("POST", "/api/v1/session", Access.Anonymous, Body: h => new { apiKey = h.KeyOf(ApiRoles.Analyst) }),
        new("GET", "/api/v1/session", Access.SignedIn),
        new("DELETE", "/api/v1/session", Access.SignedIn),
        new("GET", "/api/v1/assets/{id}", Access.Read, _ => $"/api/v1/assets/{ApiHostFixture.BinId}"),
        new("GET", "/api/v1/districts/{districtId}/events", Access.Read, _ => $"/api/v1/districts/{ApiHostFixture.District}/events"),
        new("GET", "/api/v1/districts/{districtId}/map", Access.Read, _ => $"/api/v1/districts/{ApiHostFixture.District}/map"),
    ];
}
