using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;

namespace CityTwin.Api.Tests;

/// <summary>Citizen reports: validated, matched to the nearest asset of their kind within 150 m, rate-limited per client.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class CitizenReportTests(ApiHostFixture host)
{
    private const double MetresPerDegree = 111_195;

    private static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + metres / MetresPerDegree, from.Longitude);

    [Fact]
    public async Task A_report_becomes_an_alert_on_the_nearest_matching_asset_that_operators_see()
    {
        var place = new GeoPoint(30 + Random.Shared.NextDouble() * 10, -10 + Random.Shared.NextDouble() * 10);
        var district = await host.NewDistrictAsync(place);
        var near = await host.ProvisionAsync(ApiHostFixture.NewId("bin"), AssetKind.Bin, new BinSpec(1100, 0.8, 120, 400), district, place);
        await host.ProvisionAsync(ApiHostFixture.NewId("bin"), AssetKind.Bin, new BinSpec(1100, 0.8, 120, 400), district, North(place, 100));
        var light = await host.ProvisionAsync(ApiHostFixture.NewId("light"), AssetKind.Streetlight, new StreetlightSpec(60, 1), district, North(place, 90));
        await WaitForAsync(district, bins: 2, lights: 1);
        using var citizen = host.AnonymousFrom(ApiHostFixture.NewLoopbackSource());
        var spot = North(place, 30); // 30 m from the near bin, 70 m from the other, 60 m from the light

        using var binReport = await citizen.PostAsJsonAsync("/api/v1/citizen-reports",
            new { kind = "overflowingBin", latitude = spot.Latitude, longitude = spot.Longitude, description = "bags on the pavement" });
        using var lightReport = await citizen.PostAsJsonAsync("/api/v1/citizen-reports",
            new { kind = "brokenLight", latitude = spot.Latitude, longitude = spot.Longitude });

        Assert.Equal(HttpStatusCode.Accepted, binReport.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, lightReport.StatusCode);
        var binAccepted = JsonDocument.Parse(await binReport.Content.ReadAsStringAsync()).RootElement;
        var lightAccepted = JsonDocument.Parse(await lightReport.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((near, district), (binAccepted.GetProperty("assetId").GetString(), binAccepted.GetProperty("districtId").GetString()));
        Assert.Equal(light, lightAccepted.GetProperty("assetId").GetString());

        using var operatorClient = host.As(ApiRoles.Operator);
        var alerts = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/districts/{district}/alerts")).EnumerateArray().ToList();
        var binAlert = Assert.Single(alerts, a => a.GetProperty("id").GetInt64() == binAccepted.GetProperty("alertId").GetInt64());
        Assert.Equal((near, "citizenReport"), (binAlert.GetProperty("assetId").GetString(), binAlert.GetProperty("type").GetString()));
        Assert.Contains("bags on the pavement", binAlert.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lightAlert = Assert.Single(alerts, a => a.GetProperty("id").GetInt64() == lightAccepted.GetProperty("alertId").GetInt64());
        Assert.Equal((light, "citizenReport"), (lightAlert.GetProperty("assetId").GetString(), lightAlert.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_report_with_bad_fields_is_a_400_naming_each()
    {
        using var citizen = host.AnonymousFrom(ApiHostFixture.NewLoopbackSource());

        using var response = await citizen.PostAsJsonAsync("/api/v1/citizen-reports",
            new { kind = "fire", latitude = 95.0, description = new string('x', 501) });

        var problem = await OpenDataTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in (string[])["kind", "latitude", "longitude", "description"])
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {problem}");
    }

    [Fact]
    public async Task A_report_far_from_every_asset_of_its_kind_is_a_422()
    {
        using var citizen = host.AnonymousFrom(ApiHostFixture.NewLoopbackSource());
        // 200 m north of the fixture's centre, where its bins stand.
        var far = North(ApiHostFixture.Centre, 200);

        using var response = await citizen.PostAsJsonAsync("/api/v1/citizen-reports",
            new { kind = "overflowingBin", latitude = far.Latitude, longitude = far.Longitude });

        var problem = await OpenDataTests.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("within 150 m", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_past_its_limit_gets_429_with_retry_after_while_another_client_is_still_served()
    {
        using var citizen = host.AnonymousFrom(ApiHostFixture.NewLoopbackSource());
        using var neighbour = host.AnonymousFrom(ApiHostFixture.NewLoopbackSource());
        var report = new { kind = "overflowingBin", latitude = ApiHostFixture.Centre.Latitude, longitude = ApiHostFixture.Centre.Longitude };

        for (var i = 0; i < ApiHostFixture.ReportsPerWindow; i++)
        {
            using var allowed = await citizen.PostAsJsonAsync("/api/v1/citizen-reports", report);
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }
        using var refused = await citizen.PostAsJsonAsync("/api/v1/citizen-reports", report);
        using var other = await neighbour.PostAsJsonAsync("/api/v1/citizen-reports", report);

        var problem = await OpenDataTests.ProblemAsync(refused, (HttpStatusCode)429);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    private async Task WaitForAsync(string district, int bins, int lights)
    {
        var grain = host.Grains.GetGrain<IDistrictGrain>(district);
        await Eventually.HoldsAsync(
            async () =>
            {
                var counts = (await grain.GetCounts()).Assets;
                return counts.GetValueOrDefault(AssetKind.Bin) >= bins && counts.GetValueOrDefault(AssetKind.Streetlight) >= lights;
            },
            what: $"{district} never enrolled its assets");
    }
}
