using System.Net;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Api.Tests;

/// <summary>GET /api/v1/assets: the query grain's filters and paging over HTTP, errors naming the parameter.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class AssetListTests(ApiHostFixture host)
{
    [Fact]
    public async Task Fill_filters_list_the_bins_above_a_level_and_not_those_below()
    {
        var full = await host.NewBinAsync();
        var empty = await host.NewBinAsync();
        Assert.Equal(ReadingOutcome.Applied, (await host.Grains.GetGrain<IBinGrain>(full).Report(new DeviceStamp(DateTimeOffset.UtcNow, 1, 1), new BinTelemetry(FillingLevel: 0.92))).Outcome);
        Assert.Equal(ReadingOutcome.Applied, (await host.Grains.GetGrain<IBinGrain>(empty).Report(new DeviceStamp(DateTimeOffset.UtcNow, 1, 1), new BinTelemetry(FillingLevel: 0.1))).Outcome);
        using var client = host.As(ApiRoles.Analyst);

        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var text = await client.GetStringAsync($"/api/v1/assets?kind=bin&district={ApiHostFixture.District}&fillAbove=0.9&pageSize=500{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            using var page = JsonDocument.Parse(text);
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("assetId").GetString()!));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Contains(full, ids);
        Assert.DoesNotContain(empty, ids);
    }

    [Theory]
    [InlineData("fillAbove=1.5", "fillAbove")]
    [InlineData("fillAbove=lots", "fillAbove")]
    [InlineData("kind=boat", "kind")]
    [InlineData("near=52.37,4.89", "near")]
    [InlineData("near=52.37,4.89,0", "near.radiusMetres")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("sensorHealth=fine", "sensorHealth")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string field)
    {
        using var client = host.As(ApiRoles.Analyst);

        using var response = await client.GetAsync($"/api/v1/assets?{query}");

        var problem = await ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
