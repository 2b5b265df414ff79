using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Api.Security;

/// <summary>Signs in the holder of the key in <c>X-Api-Key</c> or <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyDirectory keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string AuthorizationPrefix = "ApiKey ";

    /// <summary>Why authentication failed, kept for the 401 ProblemDetails.</summary>
    public const string FailureItem = "citytwin.authFailure";

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiAuthSchemes.ApiKeyHeader, out var header))
            return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(AuthorizationPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[AuthorizationPrefix.Length..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
            return AuthenticateResult.NoResult();
        var holder = await keys.FindAsync(key);
        if (holder is null)
        {
            Context.Items[FailureItem] = "the API key is not valid (unknown or revoked)";
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(holder, Scheme.Name), Scheme.Name));
    }

    public static ClaimsPrincipal Principal(ApiKeyHolder holder, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, holder.Name), new Claim(ClaimTypes.Role, holder.Role)],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role));
}
