using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Api.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.Tests;

/// <summary>
/// Every endpoint times every caller (anonymous, public, analyst, operator, admin): 401 without credentials,
/// 403 for a role without the right, a success status otherwise; refusals are ProblemDetails, never redirects.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class EndpointMatrixTests(ApiHostFixture host)
{
    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in EndpointTable.All)
            foreach (var caller in (string[])["anonymous", .. ApiRoles.All])
                data.Add(endpoint.Method, endpoint.Pattern, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_cell_answers_as_the_role_allows(string method, string pattern, string caller)
    {
        var endpoint = EndpointTable.All.Single(e => e.Method == method && e.Pattern == pattern);
        var role = caller == "anonymous" ? null : caller;
        using var client = role is null ? host.Anonymous() : host.As(role);
        // Resources are made only for callers who will use them: a refused call must change nothing anyway.
        var (path, body) = endpoint.Allows(role) ? await endpoint.ArrangeAsync(host) : (Concrete(endpoint.Pattern), null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = body switch
        {
            null => null,
            CsvBody csv => new StringContent(csv.Text, System.Text.Encoding.UTF8, "text/csv"),
            _ => JsonContent.Create(body),
        };

        // Headers only: the event stream never ends; a refusal's body is read below.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        if (endpoint.Allows(role))
        {
            // The body is read only on failure: a stream's never ends.
            if (!response.IsSuccessStatusCode)
                Assert.Fail($"{endpoint} as {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }
        var expected = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public void Every_mapped_api_endpoint_is_in_the_table()
    {
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw.StartsWith("/openapi", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .Where(e => !e.StartsWith("OPTIONS", StringComparison.Ordinal))
            .ToHashSet();
        var table = EndpointTable.All.Select(e => $"{e.Method} {e.Pattern}").ToHashSet();

        Assert.Empty(mapped.Except(table));
        Assert.Empty(table.Except(mapped));
    }

    /// <summary>The pattern with every parameter filled in (the call is refused before anything looks it up).</summary>
    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "1");

    private static string Normalise(string raw) =>
        raw.Replace("{documentName}", "v1").TrimEnd('/');
}
