using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Trucks;

namespace CityTwin.Api.Tests;

/// <summary>Open data over HTTP: k-anonymity (k = 5 by default), no ids, ETag and max-age.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class OpenDataTests(ApiHostFixture host)
{
    private const double MetresPerDegree = 111_195;

    /// <summary>
    /// A place of its own for a test (its own grid cells), far from the fixture's centre, 100 m into a row of the
    /// 500 m grid: the bins a test lines up 0 to 20 m north of it share its cell. (Anywhere in the row, one
    /// place in 25 put a cell boundary among them.)
    /// </summary>
    private static GeoPoint NewPlace()
    {
        var row = Math.Floor((40 + Random.Shared.NextDouble() * 10) * MetresPerDegree / 500);
        return new((row * 500 + 100) / MetresPerDegree, 10 + Random.Shared.NextDouble() * 10);
    }

    private static GeoPoint North(GeoPoint from, double metres) => new(from.Latitude + metres / MetresPerDegree, from.Longitude);

    private async Task<List<string>> BinsAsync(string district, GeoPoint at, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add(await host.ProvisionAsync(ApiHostFixture.NewId("bin"), AssetKind.Bin, new BinSpec(1100, 0.8, 120, 400), district, North(at, i * 5)));
        return ids;
    }

    private async Task WaitForAssetsAsync(string district, AssetKind kind, int count)
    {
        var grain = host.Grains.GetGrain<IDistrictGrain>(district);
        await Eventually.HoldsAsync(
            async () => (await grain.GetCounts()).Assets.GetValueOrDefault(kind) >= count,
            what: $"{district} never enrolled {count} {kind}");
    }

    [Fact]
    public async Task Areas_with_fewer_than_k_assets_are_left_out_and_no_id_is_shown()
    {
        var place = NewPlace();
        var published = await host.NewDistrictAsync(place);
        var bins = await BinsAsync(published, place, 5);
        var lights = new List<string>();
        for (var i = 0; i < 2; i++)
            lights.Add(await host.ProvisionAsync(ApiHostFixture.NewId("light"), AssetKind.Streetlight, new StreetlightSpec(60, 1), published, place));
        var truck = await host.ProvisionAsync(ApiHostFixture.NewId("truck"), AssetKind.Truck, new TruckSpec(10_000, place), published, place);
        var fewPlace = NewPlace();
        var few = await host.NewDistrictAsync(fewPlace);
        var fewBins = await BinsAsync(few, fewPlace, 3);
        await WaitForAssetsAsync(published, AssetKind.Bin, 5);
        await WaitForAssetsAsync(published, AssetKind.Streetlight, 2);
        await WaitForAssetsAsync(few, AssetKind.Bin, 3);
        using var client = host.Anonymous();

        var cellsText = await client.GetStringAsync($"/api/v1/open/cells?district={published}&cellMetres=500");
        var fewCellsText = await client.GetStringAsync($"/api/v1/open/cells?district={few}");
        var districtsText = await client.GetStringAsync("/api/v1/open/districts");

        var cell = Assert.Single(JsonDocument.Parse(cellsText).RootElement.GetProperty("cells").EnumerateArray());
        Assert.Equal(7, cell.GetProperty("assets").GetInt32()); // the truck never counts
        var figures = cell.GetProperty("figures");
        Assert.Equal(5, figures.GetProperty("bins").GetInt32());
        Assert.Equal(1.0, figures.GetProperty("binServiceLevel").GetDouble());
        Assert.Equal(2, figures.GetProperty("lights").GetInt32());
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("lightsWorking").ValueKind); // 2 lights < k
        Assert.Empty(JsonDocument.Parse(fewCellsText).RootElement.GetProperty("cells").EnumerateArray());

        var districts = JsonDocument.Parse(districtsText).RootElement.EnumerateArray().ToList();
        var district = Assert.Single(districts, d => d.GetProperty("districtId").GetString() == published);
        Assert.Equal(7, district.GetProperty("assets").GetInt32());
        Assert.Equal(5, district.GetProperty("figures").GetProperty("bins").GetInt32());
        Assert.Equal(JsonValueKind.Null, district.GetProperty("figures").GetProperty("lightsWorking").ValueKind);
        Assert.DoesNotContain(districts, d => d.GetProperty("districtId").GetString() == few);

        foreach (var text in (string[])[cellsText, fewCellsText, districtsText])
        {
            foreach (var id in (string[])[.. bins, .. lights, truck, .. fewBins, ApiHostFixture.BinId])
            {
                Assert.DoesNotContain(id, text, StringComparison.Ordinal);
                Assert.DoesNotContain(ApiHostFixture.DeviceIdOf(id), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Open_data_carries_a_strong_etag_and_max_age_and_answers_304_until_it_changes()
    {
        var place = NewPlace();
        var district = await host.NewDistrictAsync(place);
        await BinsAsync(district, place, 5);
        await WaitForAssetsAsync(district, AssetKind.Bin, 5);
        using var client = host.Anonymous();
        var path = $"/api/v1/open/cells?district={district}";

        using var first = await client.GetAsync(path);
        var etag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "If-None-Match", etag!.Tag } } };
        using var notModified = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var districts = await client.GetAsync("/api/v1/open/districts");
        using var districtsAgain = new HttpRequestMessage(HttpMethod.Get, "/api/v1/open/districts") { Headers = { { "If-None-Match", districts.Headers.ETag!.Tag } } };
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(districtsAgain)).StatusCode);

        await BinsAsync(district, North(place, 30), 1);
        await WaitForAssetsAsync(district, AssetKind.Bin, 6);
        using var changedRequest = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "If-None-Match", etag.Tag } } };
        using var changed = await client.SendAsync(changedRequest);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("cellMetres=12")]
    [InlineData("cellMetres=abc")]
    public async Task A_bad_cell_size_is_a_400_naming_it(string query)
    {
        using var client = host.Anonymous();

        using var response = await client.GetAsync($"/api/v1/open/cells?district={ApiHostFixture.District}&{query}");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cellMetres", out _), problem.ToString());
    }

    [Fact]
    public async Task Cells_without_a_district_is_a_400_naming_it_and_an_unknown_one_a_404()
    {
        using var client = host.Anonymous();

        var missing = await ProblemAsync(await client.GetAsync("/api/v1/open/cells"), HttpStatusCode.BadRequest);
        var unknown = await ProblemAsync(await client.GetAsync("/api/v1/open/cells?district=no-such-district"), HttpStatusCode.NotFound);

        Assert.True(missing.GetProperty("errors").TryGetProperty("district", out _), missing.ToString());
        Assert.Equal("district", unknown.GetProperty("field").GetString());
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
