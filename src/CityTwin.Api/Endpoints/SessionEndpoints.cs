using System.Security.Claims;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

/// <summary>The request of <c>POST /api/v1/session</c>.</summary>
public sealed record SessionRequest(string? ApiKey);

/// <summary>Who is signed in.</summary>
public sealed record SessionView(string Name, string Role);

/// <summary>The page's sign-in: exchange a key for the session cookie, ask who is signed in, sign out.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSession(this RouteGroupBuilder v1)
    {
        var session = v1.MapGroup("/session").WithTags("Session");
        session.MapPost("", SignIn).AllowAnonymous();
        session.MapGet("", Current);
        session.MapDelete("", (Delegate)SignOut);
        return v1;
    }

    private static async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> SignIn(
        SessionRequest request, HttpContext http, ApiKeyDirectory keys)
    {
        if (string.IsNullOrWhiteSpace(request.ApiKey))
            return ApiProblems.Invalid("apiKey", "is required");
        var holder = await keys.FindAsync(request.ApiKey.Trim());
        if (holder is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
                detail: "apiKey: the API key is not valid (unknown or revoked)",
                extensions: new Dictionary<string, object?> { ["field"] = "apiKey" });
        await http.SignInAsync(ApiAuthSchemes.Cookie, ApiKeyAuthenticationHandler.Principal(holder, ApiAuthSchemes.Cookie));
        return TypedResults.Ok(new SessionView(holder.Name, holder.Role));
    }

    private static Ok<SessionView> Current(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionView(
            user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? ""));

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(ApiAuthSchemes.Cookie);
        return TypedResults.NoContent();
    }
}
