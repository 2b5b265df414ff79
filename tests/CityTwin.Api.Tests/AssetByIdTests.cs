using System.Net;
using System.Text.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Streetlights;

namespace CityTwin.Api.Tests;

/// <summary>GET /api/v1/assets/{id}, which remembers each asset's kind: a deleted asset must not be shown by it.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class AssetByIdTests(ApiHostFixture host)
{
    private static async Task<string?> KindAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/v1/assets/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("kind").GetString();
    }

    private async Task DeleteAsync(string id)
    {
        var bin = host.Grains.GetGrain<IBinGrain>(id);
        Assert.True((await bin.Decommission()).Accepted);
        Assert.True((await bin.Delete()).Accepted);
    }

    [Fact]
    public async Task A_deleted_asset_whose_kind_was_remembered_is_not_found()
    {
        var id = await host.NewBinAsync();
        using var analyst = host.As(ApiRoles.Analyst);
        Assert.Equal("bin", await KindAsync(analyst, id));

        await DeleteAsync(id);

        using var response = await analyst.GetAsync($"/api/v1/assets/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_asset_deleted_and_provisioned_again_as_another_kind_is_shown_as_its_new_kind()
    {
        var id = await host.NewBinAsync();
        using var analyst = host.As(ApiRoles.Analyst);
        Assert.Equal("bin", await KindAsync(analyst, id));

        await DeleteAsync(id);
        await host.ProvisionAsync(id, AssetKind.Streetlight, new StreetlightSpec(60, 1));

        Assert.Equal("streetlight", await KindAsync(analyst, id));
    }
}
