using System.Net;
using System.Text;
using System.Text.Json;
using CityTwin.Api.Security;

namespace CityTwin.Api.Tests;

/// <summary>Errors are RFC 9457 ProblemDetails that name the field that was wrong.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class ProblemDetailsTests(ApiHostFixture host)
{
    [Fact]
    public async Task An_unknown_asset_id_is_a_404_naming_the_id()
    {
        using var client = host.As(ApiRoles.Analyst);

        using var response = await client.GetAsync("/api/v1/assets/no-such-asset");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("id", problem.GetProperty("field").GetString());
        Assert.Contains("no-such-asset", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_field_where_it_broke()
    {
        using var client = host.Anonymous();

        using var response = await client.PostAsync("/api/v1/session",
            new StringContent("""{"apiKey": 42}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("apiKey", out _), problem.ToString());
    }

    [Fact]
    public async Task A_missing_field_is_a_400_naming_it()
    {
        using var client = host.Anonymous();

        using var response = await client.PostAsync("/api/v1/session", new StringContent("{}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("apiKey", out _), problem.ToString());
    }

    [Fact]
    public async Task A_twin_by_id_carries_its_kind_status_and_record()
    {
        using var client = host.As(ApiRoles.Analyst);

        using var response = await client.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("bin", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(ApiHostFixture.District, body.RootElement.GetProperty("status").GetProperty("districtId").GetString());
        Assert.Equal("active", body.RootElement.GetProperty("record").GetProperty("lifecycle").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_anonymous_and_lists_the_endpoints()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var endpoint in EndpointTable.All.Where(e => e.Pattern.StartsWith("/api/v1", StringComparison.Ordinal)))
            Assert.True(paths.TryGetProperty(System.Text.RegularExpressions.Regex.Replace(endpoint.Pattern, ":[^}]+}", "}"), out var path) && path.TryGetProperty(endpoint.Method.ToLowerInvariant(), out _),
                $"{endpoint} is not in the OpenAPI document");
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }
}
