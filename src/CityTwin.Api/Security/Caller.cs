using System.Security.Claims;

namespace CityTwin.Api.Security;

/// <summary>The name a change is recorded under: the key's name, or a bearer token's user.</summary>
public static class Caller
{
    public const string Anonymous = "anonymous";

    public static string Name(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? Anonymous :
        user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? user.FindFirstValue("sub") ?? "unknown";
}
