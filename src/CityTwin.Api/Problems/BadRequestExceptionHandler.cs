using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CityTwin.Api.Problems;

/// <summary>
/// Turns a request the endpoint could not bind (bad JSON, a value of the wrong type, a missing body or
/// parameter) into 400 ProblemDetails naming the field, taken from the JSON path or the parameter.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var (field, message) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "The request has invalid fields",
                Detail = $"{field}: {message}",
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
            return (field, json.Path is null ? "is not valid JSON" : $"is not valid here ({FirstLine(json.Message)})");
        }
        // Minimal API messages quote the parameter: Failed to bind parameter "int limit" from "abc".
        var text = bad.Message;
        var start = text.IndexOf('"');
        var end = start < 0 ? -1 : text.IndexOf('"', start + 1);
        if (end > start)
        {
            var quoted = text[(start + 1)..end];
            var name = quoted.Contains(' ') ? quoted[(quoted.LastIndexOf(' ') + 1)..] : quoted;
            return (name, text);
        }
        return ("body", text);
    }

    private static string FirstLine(string text)
    {
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }
}
