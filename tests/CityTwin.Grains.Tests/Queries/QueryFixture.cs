using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Queries;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Common;
using CityTwin.Grains.Queries;
using CityTwin.Grains.Time;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Grains.Tests.Queries;

/// <summary>
/// A cluster whose clock moves when a test says, bins that go stale after an hour of silence (no start-up
/// grace), and a fan-out bound of <see cref="TwinsPerPage"/> twins per page so a test can reach it.
/// </summary>
public sealed class QueryFixture : ClusterFixture
{
    public const int TwinsPerPage = 10;

    private long sequence;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    public ICityQueryGrain Queries => Client.GetGrain<ICityQueryGrain>(CityQueries.Key);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new CityClock(Time));
        services.Configure<QueryOptions>(o => o.MaxTwinsAskedPerPage = TwinsPerPage);
    }

    protected override void Configure(TwinOptions options) =>
        options.Staleness[AssetKind.Bin] = new StalenessPolicy(TimeSpan.FromHours(1), 0, TimeSpan.Zero);

    public DeviceStamp Stamp() => new(Time.GetUtcNow(), 1, Interlocked.Increment(ref sequence));

    public async Task<string> NewDistrictAsync()
    {
        var id = $"q-{Guid.NewGuid():N}"[..14];
        var result = await Client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(new District(id, id, "Europe/Amsterdam", 52.372, 4.893));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return id;
    }

    /// <summary>A bin at a point, with a first level when given.</summary>
    public async Task<IBinGrain> BinAsync(string district, string id, GeoPoint at, double? level = null)
    {
        var bin = Client.GetGrain<IBinGrain>(id);
        var result = await bin.Provision(new AssetProvision(id, AssetKind.Bin, district, at, $"dev-{id}", new BinSpec(1100, 0.8, 120, 300)));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        if (level is { } fill)
            Assert.Equal(ReadingOutcome.Applied, (await bin.Report(Stamp(), new BinTelemetry(FillingLevel: fill))).Outcome);
        return bin;
    }

    public async Task<IStreetlightGrain> LightAsync(string district, string id, GeoPoint at)
    {
        var light = Client.GetGrain<IStreetlightGrain>(id);
        var result = await light.Provision(new AssetProvision(id, AssetKind.Streetlight, district, at, $"dev-{id}", new StreetlightSpec(100, 1)));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return light;
    }

    /// <summary>Every page of a query from its cursor on, to the last.</summary>
    public async Task<List<AssetPage>> AllPagesAsync(AssetQuery query)
    {
        var pages = new List<AssetPage>();
        var cursor = query.Cursor;
        do
        {
            var page = await Queries.ListAssets(query with { Cursor = cursor });
            Assert.Empty(page.Errors);
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count < 100, "paging did not end");
        }
        while (cursor is not null);
        return pages;
    }
}

[CollectionDefinition(Name)]
public sealed class QueryCollection : ICollectionFixture<QueryFixture>
{
    public const string Name = "queries";
}
