using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Api.Security;

namespace CityTwin.Api.Tests;

[Collection(ApiHostCollection.Name)]
public sealed class AuditAndKeyTests(ApiHostFixture host)
{
    [Fact]
    public async Task A_command_is_audited_with_who_what_and_outcome_and_a_refused_one_too()
    {
        var bin = await host.NewBinAsync();
        using var operatorClient = host.As(ApiRoles.Operator);
        using var accepted = await operatorClient.PostAsJsonAsync($"/api/v1/commands/bins/{bin}/collected", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var refused = await operatorClient.PostAsJsonAsync($"/api/v1/commands/districts/{ApiHostFixture.District}/dimming-override", new { level = 3.0, until = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var admin = host.As(ApiRoles.Admin);
        using var audit = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit?limit=10000"));
        var entries = audit.RootElement.EnumerateArray().ToList();

        var collected = Assert.Single(entries, e => e.GetProperty("request").GetString()!.Contains(bin, StringComparison.Ordinal));
        Assert.Equal("operator-key", collected.GetProperty("who").GetString());
        Assert.Equal(ApiRoles.Operator, collected.GetProperty("role").GetString());
        Assert.Equal("POST /api/v1/commands/bins/{binId}/collected", collected.GetProperty("action").GetString());
        Assert.Equal("accepted", collected.GetProperty("outcome").GetString());
        Assert.True(DateTimeOffset.UtcNow - collected.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));

        var overridden = entries.First(e => e.GetProperty("action").GetString() == "POST /api/v1/commands/districts/{districtId}/dimming-override"
            && e.GetProperty("outcome").GetString() == "rejected");
        Assert.Equal(400, overridden.GetProperty("status").GetInt32());
        Assert.Contains("level", overridden.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_role_is_not_audited_as_a_command_and_cannot_read_the_audit()
    {
        using var analyst = host.As(ApiRoles.Analyst);

        using var response = await analyst.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_a_key_shown_once_that_works_until_revoked_and_its_session_ends_with_it()
    {
        using var admin = host.As(ApiRoles.Admin);
        var name = ApiHostFixture.NewId("key");

        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name, role = ApiRoles.Operator });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var key = body.RootElement.GetProperty("key").GetString()!;

        using var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/keys"));
        var entry = Assert.Single(listed.RootElement.EnumerateArray(), k => k.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(key, entry.ToString(), StringComparison.Ordinal);
        Assert.False(entry.TryGetProperty("hash", out _));

        using var user = host.Anonymous();
        user.DefaultRequestHeaders.Add(ApiAuthSchemes.ApiKeyHeader, key);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}")).StatusCode);
        using var page = host.Anonymous(cookies: true);
        Assert.Equal(HttpStatusCode.OK, (await page.PostAsJsonAsync("/api/v1/session", new { apiKey = key })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/api/v1/session")).StatusCode);

        using var revoked = await admin.DeleteAsync($"/api/v1/keys/{name}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync($"/api/v1/assets/{ApiHostFixture.BinId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/session")).StatusCode);
        using var again = await admin.PostAsJsonAsync("/api/v1/keys", new { name, role = ApiRoles.Operator });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_key_request_with_a_bad_role_names_the_field()
    {
        using var admin = host.As(ApiRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/keys", new { name = ApiHostFixture.NewId("key"), role = "root" });

        var problem = await ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Provisioning_with_an_unknown_district_is_a_404_naming_it()
    {
        using var admin = host.As(ApiRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/provisioning/assets", new
        {
            assetId = ApiHostFixture.NewId("bin"), kind = "bin", districtId = "atlantis", location = new { latitude = 52.37, longitude = 4.89 },
            deviceId = "dev-x", spec = new Dictionary<string, object> { ["$type"] = "bin", ["binCapacityLitres"] = 1100, ["binFullnessThreshold"] = 0.8, ["depthCm"] = 120, ["maxLoadKg"] = 400 },
        });

        var problem = await ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("districtId", problem.GetProperty("field").GetString());
    }
}
