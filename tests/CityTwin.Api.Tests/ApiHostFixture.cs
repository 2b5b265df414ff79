using System.Net.Http.Json;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.Tests;

/// <summary>
/// One real host in this process on free loopback ports with a temp SQLite data directory, MQTT off,
/// one configured key per role, district centrum and a bin in it.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const string District = "centrum";
    public const string BinId = "api-bin-1";

    private readonly TempDirectory directory = new("citytwin-api");
    private readonly Dictionary<string, string> keysByRole = [];
    private WebApplication? host;

    public byte[] Secret { get; } = ApiKeyHasher.NewSecret();

    public ApiKeyHasher Hasher => new(Secret);

    public Uri BaseAddress { get; private set; } = null!;

    public IGrainFactory Grains => host!.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host!.Services;

    /// <summary>The configured key of a role (its holder is named after the role).</summary>
    public string KeyOf(string role) => keysByRole[role];

    public async Task InitializeAsync()
    {
        var httpPort = FreePort.Next();
        List<string> arguments =
        [
            $"--Http:Url=http://127.0.0.1:{httpPort}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            "--Mqtt:Mode=Off",
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--{ApiSettings.SecretSetting}={Convert.ToBase64String(Secret)}",
        ];
        foreach (var role in ApiRoles.All)
        {
            var key = ApiKeyHasher.NewKey();
            keysByRole[role] = key;
            arguments.Add($"--Api:Keys:{role}-key:Role={role}");
            arguments.Add($"--Api:Keys:{role}-key:Hash={Hasher.Hash(key)}");
        }
        host = await CityTwinHost.CreateAsync([.. arguments]);
        await host.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");

        var saved = await Grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
            .UpsertDistrict(new District(District, "Centrum", "Europe/Amsterdam", 52.37, 4.89));
        Assert.True(saved.Accepted, string.Join("; ", saved.Errors));
        var provisioned = await Grains.GetGrain<IBinGrain>(BinId).Provision(new AssetProvision(
            BinId, AssetKind.Bin, District, new GeoPoint(52.37, 4.89), "api-dev-1", new BinSpec(1100, 0.8, 120, 400)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
    }

    /// <summary>A client without credentials (and without cookies unless <paramref name="cookies"/>).</summary>
    public HttpClient Anonymous(bool cookies = false) =>
        new(new HttpClientHandler { UseCookies = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client sending <paramref name="role"/>'s key in <c>X-Api-Key</c>.</summary>
    public HttpClient As(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ApiAuthSchemes.ApiKeyHeader, KeyOf(role));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API host";
}
