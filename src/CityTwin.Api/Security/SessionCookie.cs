using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.Security;

/// <summary>
/// The page's session: a key exchanged for an HttpOnly, SameSite=Strict cookie. The key's holder is checked
/// again on every request, so revoking the key ends its sessions.
/// </summary>
public static class SessionCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options, ApiSettings settings)
    {
        options.Cookie.Name = ApiAuthSchemes.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = settings.CookieSecureAlways ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;
        // Never a redirect: the authorization result handler writes 401/403 ProblemDetails.
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyDirectory>();
            var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
            var role = context.Principal?.FindFirstValue(ClaimTypes.Role);
            if (name is null || role is null || !await keys.IsActiveAsync(name, role))
                context.RejectPrincipal();
        };
    }
}
