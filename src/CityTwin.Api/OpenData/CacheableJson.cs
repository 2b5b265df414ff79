using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Api.OpenData;

/// <summary>
/// JSON that shared caches may keep: a strong ETag over the exact body, <c>Cache-Control: public, max-age</c>,
/// and 304 Not Modified (no body) when the client's <c>If-None-Match</c> names the current ETag.
/// </summary>
internal static class CacheableJson
{
    public static IResult Of<T>(HttpContext http, T value)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={services.GetRequiredService<OpenDataSettings>().MaxAgeSeconds}";
        if (Matches(http.Request.Headers.IfNoneMatch, etag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json");
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix still matches; <c>*</c> matches anything.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            return false;
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
