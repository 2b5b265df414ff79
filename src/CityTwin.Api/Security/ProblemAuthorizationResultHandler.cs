using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace CityTwin.Api.Security;

/// <summary>
/// Answers a missing or refused credential with 401 or 403 ProblemDetails, never a redirect to a login page,
/// whichever scheme (key, cookie, bearer) was tried.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        // Allowed requests (nearly all) go straight on, without an async frame of this method around the endpoint.
        authorizeResult.Succeeded ? next(context) : RefuseAsync(next, context, policy, authorizeResult);

    private async Task RefuseAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = ApiAuthSchemes.ApiKey;
            var why = context.Items[ApiKeyAuthenticationHandler.FailureItem] as string
                ?? $"send an API key in the {ApiAuthSchemes.ApiKeyHeader} header, or sign in with POST /api/v1/session";
            await Write(context, StatusCodes.Status401Unauthorized, "Authentication required", why);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "none";
            await Write(context, StatusCodes.Status403Forbidden, "Forbidden", $"the role '{role}' may not do this");
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    private async Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        // A client that accepts only another type (an EventSource sends Accept: text/event-stream) still gets the
        // problem as JSON: the default writer declines such a request and WriteAsync would throw (a 500).
        if (!await problems.TryWriteAsync(problem))
            await context.Response.WriteAsJsonAsync(problem.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
