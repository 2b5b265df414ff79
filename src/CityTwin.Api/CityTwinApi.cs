using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Api.Endpoints;
using CityTwin.Api.Live;
using CityTwin.Api.OpenData;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Api;

/// <summary>The operations HTTP API: what the host registers and maps.</summary>
public static class CityTwinApi
{
    public const string Prefix = "/api/v1";
    public const string BearerSchemeSetting = "Api:Authentication:BearerScheme";

    /// <exception cref="ApiSettingsException">An <c>Api</c> setting is missing or wrong.</exception>
    public static IServiceCollection AddCityTwinApi(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ApiSettings.Read(configuration);
        services.AddSingleton(settings);
        var openData = OpenDataSettings.Read(configuration);
        services.AddSingleton(openData);
        services.AddCitizenReportLimiter(openData);
        services.AddSingleton<ApiKeyDirectory>();
        services.AddSingleton<AssetKindMemo>();
        // The silo registers it too; one instance either way (its cache is per process).
        services.TryAddSingleton<GrainReferences>();

        var bearerScheme = configuration[BearerSchemeSetting];
        services.AddAuthentication(ApiAuthSchemes.Default)
            .AddPolicyScheme(ApiAuthSchemes.Default, "API key, bearer token or session cookie", o =>
                o.ForwardDefaultSelector = context => SelectScheme(context.Request, bearerScheme))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuthSchemes.ApiKey, null)
            .AddCookie(ApiAuthSchemes.Cookie, o => SessionCookie.Configure(o, settings));

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Operator, ApiRoles.Analyst))
            .AddPolicy(ApiPolicies.Command, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(ApiRoles.Admin))
            // Deny by default: an endpoint that says nothing needs a signed-in caller.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so the handler above can name the field (the default only logs them).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // A spec's "$type" may come anywhere in its object, as a hand-written request puts it.
            o.SerializerOptions.AllowOutOfOrderMetadataProperties = true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddOpenApi();
        return services;
    }

    /// <summary>Adds the API's middleware (errors, authentication, authorization) and maps <c>/api/v1</c> and the OpenAPI document.</summary>
    public static WebApplication MapCityTwinApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // In every environment: clients generate code from it.
        app.MapOpenApi().AllowAnonymous();

        var v1 = app.MapGroup(Prefix);
        v1.MapSession();
        v1.MapAssets();
        v1.MapDistricts();
        v1.MapAlerts();
        v1.MapPlans();
        v1.MapCommands();
        v1.MapProvisioning();
        v1.MapKeys();
        v1.MapAudit();
        v1.MapLive();
        v1.MapOpenData();
        v1.MapCitizenReports();
        app.MapLivePage();
        return app;
    }

    private static string SelectScheme(HttpRequest request, string? bearerScheme)
    {
        if (ApiKeyAuthenticationHandler.PresentedKey(request) is not null)
            return ApiAuthSchemes.ApiKey;
        if (bearerScheme is not null && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return bearerScheme;
        return ApiAuthSchemes.Cookie;
    }
}
