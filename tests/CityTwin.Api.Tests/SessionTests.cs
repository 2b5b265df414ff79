using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Api.Security;

namespace CityTwin.Api.Tests;

[Collection(ApiHostCollection.Name)]
public sealed class SessionTests(ApiHostFixture host)
{
    [Fact]
    public async Task A_key_exchanged_for_an_HttpOnly_SameSite_cookie_signs_in_later_calls_and_sign_out_ends_it()
    {
        using var client = host.Anonymous(cookies: true);

        using var signIn = await client.PostAsJsonAsync("/api/v1/session", new { apiKey = host.KeyOf(ApiRoles.Operator) });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ApiAuthSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.KeyOf(ApiRoles.Operator), setCookie, StringComparison.Ordinal);

        // Only the cookie now: no key header on this client.
        using var who = await client.GetAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.OK, who.StatusCode);
        using var body = JsonDocument.Parse(await who.Content.ReadAsStringAsync());
        Assert.Equal("operator-key", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(ApiRoles.Operator, body.RootElement.GetProperty("role").GetString());
        using var asset = await client.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);

        using var signOut = await client.DeleteAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        using var after = await client.GetAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_naming_the_field_and_no_cookie()
    {
        using var client = host.Anonymous(cookies: true);

        using var response = await client.PostAsJsonAsync("/api/v1/session", new { apiKey = ApiKeyHasher.NewKey() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("apiKey", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unauthenticated_call_gets_401_problem_details_never_a_redirect()
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_in_the_authorization_header_works_like_the_x_api_key_header()
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("ApiKey", host.KeyOf(ApiRoles.Analyst));

        using var response = await client.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_gets_401_even_with_a_valid_looking_format()
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(ApiAuthSchemes.ApiKeyHeader, ApiKeyHasher.NewKey());

        using var response = await client.GetAsync("/api/v1/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
