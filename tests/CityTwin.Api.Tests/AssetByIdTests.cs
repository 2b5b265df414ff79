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

    /// <summary>A bin whose kind twin by id has remembered, deleted since.</summary>
    private async Task<string> DeletedAfterItsKindWasRememberedAsync(HttpClient client)
    {
        var id = await host.NewBinAsync();
        Assert.Equal("bin", await KindAsync(client, id));
        var bin = host.Grains.GetGrain<IBinGrain>(id);
        Assert.True((await bin.Decommission()).Accepted);
        Assert.True((await bin.Delete()).Accepted);
        return id;
    }

    [Fact]
    public async Task A_deleted_asset_whose_kind_was_remembered_is_not_found()
    {
        using var analyst = host.As(ApiRoles.Analyst);
        var id = await DeletedAfterItsKindWasRememberedAsync(analyst);

        using var response = await analyst.GetAsync($"/api/v1/assets/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_asset_deleted_and_provisioned_again_as_another_kind_is_shown_as_its_new_kind()
    {
        using var analyst = host.As(ApiRoles.Analyst);
        var id = await DeletedAfterItsKindWasRememberedAsync(analyst);

        await host.ProvisionAsync(id, AssetKind.Streetlight, new StreetlightSpec(60, 1));

        Assert.Equal("streetlight", await KindAsync(analyst, id));
    }
}
