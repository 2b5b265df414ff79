using System.Security.Claims;
using CityTwin.Api.Audit;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

public sealed record CreateKeyRequest(string? Name, string? Role);

/// <summary>A new key: <see cref="Key"/> appears only in this answer; the server keeps its HMAC.</summary>
public sealed record CreatedKey(string Name, string Role, string Key);

/// <summary>A key as listed: never the key or its hash.</summary>
public sealed record KeyView(string Name, string Role, string Source, DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>API keys (admin): create (shown once), list, revoke. Configured keys are listed and changed only in configuration.</summary>
internal static class KeyEndpoints
{
    public const int MaxNameLength = 64;

    public static RouteGroupBuilder MapKeys(this RouteGroupBuilder v1)
    {
        var keys = v1.MapGroup("/keys").WithTags("Keys").RequireAuthorization(ApiPolicies.Admin);
        keys.MapGet("", List);
        keys.MapPost("", Create).AddEndpointFilter<AuditFilter>();
        keys.MapDelete("/{name}", Revoke).AddEndpointFilter<AuditFilter>();
        return v1;
    }

    private static async Task<IResult> List(ApiKeyDirectory keys, ApiSettings settings)
    {
        var stored = await keys.Registry.List();
        return TypedResults.Ok((IEnumerable<KeyView>)
        [
            .. settings.Keys.Select(k => new KeyView(k.Name, k.Role, "configuration", null, null, null)),
            .. stored.Select(k => new KeyView(k.Name, k.Role, "api", k.CreatedAt, k.CreatedBy, k.RevokedAt)),
        ]);
    }

    private static async Task<IResult> Create(CreateKeyRequest request, ClaimsPrincipal user, ApiKeyDirectory keys, ApiSettings settings, TimeProvider clock)
    {
        if (settings.Hasher is not { } hasher)
            return ApiProblems.Conflict(ApiSettings.SecretSetting, "is not configured, so no key can be made");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || !request.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return ApiProblems.Invalid("name", $"is required: 1 to {MaxNameLength} letters, digits, '-', '_' or '.'");
        if (!ApiRoles.IsKnown(request.Role))
            return ApiProblems.Invalid("role", $"must be one of {string.Join(", ", ApiRoles.All)}");
        if (keys.IsConfigured(request.Name))
            return ApiProblems.Conflict("name", $"a configured key is named '{request.Name}'");
        var key = ApiKeyHasher.NewKey();
        var added = await keys.Registry.Add(new ApiKeyEntry(request.Name, request.Role!, hasher.Hash(key), clock.GetUtcNow(), Caller.Name(user)));
        if (!added.Accepted)
            return ApiProblems.Conflict(added.Errors[0].Field, added.Errors[0].Message);
        return TypedResults.Created($"/api/v1/keys/{request.Name}", new CreatedKey(request.Name, request.Role!, key));
    }

    private static async Task<IResult> Revoke(string name, ApiKeyDirectory keys, TimeProvider clock)
    {
        if (keys.IsConfigured(name))
            return ApiProblems.Conflict("name", $"'{name}' is configured: remove Api:Keys:{name} from the configuration to revoke it");
        if (await keys.Registry.Get(name) is null)
            return ApiProblems.NotFound("name", name, "key");
        return CommandResults.From(await keys.Registry.Revoke(name, clock.GetUtcNow()));
    }
}
