using System.Security.Claims;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Api.Audit;

/// <summary>
/// Records every call of the endpoints it is put on (commands, provisioning, keys, policies) in the day's
/// audit log: who, what, when, outcome. On a group, so an endpoint added to it cannot forget.
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e)
        {
            await AppendAsync(context, at, StatusCodes.Status500InternalServerError, "failed", e.Message);
            throw;
        }
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var detail = result switch
        {
            ProblemHttpResult problem => problem.ProblemDetails.Detail,
            ValidationProblem validation => validation.ProblemDetails.Detail,
            _ => null,
        };
        await AppendAsync(context, at, status, OutcomeOf(status), detail);
        return result;
    }

    private static string OutcomeOf(int status) => status switch
    {
        < 300 => "accepted",
        StatusCodes.Status404NotFound => "notFound",
        StatusCodes.Status409Conflict => "conflict",
        < 500 => "rejected",
        _ => "failed",
    };

    private static async Task AppendAsync(EndpointFilterInvocationContext context, DateTimeOffset at, int status, string outcome, string? detail)
    {
        var http = context.HttpContext;
        var user = http.User;
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        var action = $"{http.Request.Method} {endpoint?.RoutePattern.RawText ?? http.Request.Path}";
        var entry = new AuditEntry(
            at,
            Caller.Name(user),
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            action,
            RequestOf(context),
            status,
            outcome,
            detail);
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IAuditLogGrain>(AuditLog.KeyFor(at)).Append(entry);
    }

    /// <summary>Route values, query and the bound request body (our own request records; never a service).</summary>
    private static string RequestOf(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var described = new Dictionary<string, object?>();
        foreach (var (name, value) in http.Request.RouteValues)
            described[name] = value?.ToString();
        foreach (var (name, value) in http.Request.Query)
            described[name] = value.ToString();
        foreach (var argument in context.Arguments)
        {
            if (argument is not null && argument.GetType().Namespace?.StartsWith("CityTwin.Api", StringComparison.Ordinal) == true)
                described["body"] = argument;
        }
        return JsonSerializer.Serialize(described, options);
    }
}
