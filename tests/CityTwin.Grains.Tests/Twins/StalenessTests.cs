using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Domain.Common;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Twins;

/// <summary>Streetlights that must report every second, with a two-second grace after a silo starts.</summary>
public sealed class FastStalenessFixture : ClusterFixture
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    protected override void Configure(TwinOptions options) =>
        options.Staleness[AssetKind.Streetlight] = new StalenessPolicy(TimeSpan.FromSeconds(1), 0, Grace);
}

[CollectionDefinition(Name)]
public sealed class FastStalenessCollection : ICollectionFixture<FastStalenessFixture>
{
    public const string Name = "fast-staleness";
}

[Collection(FastStalenessCollection.Name)]
public sealed class StalenessTests(FastStalenessFixture fixture)
{
    private const string StaleCondition = "streetlight:stale";

    private IStreetlightGrain Light(string id) => fixture.Client.GetGrain<IStreetlightGrain>(id);

    private IDistrictGrain District(string id) => fixture.Client.GetGrain<IDistrictGrain>(id);

    [Fact]
    public async Task A_silent_twin_turns_stale_its_district_counts_it_and_a_reading_brings_it_back()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id, district: "noord"));
        await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(1));
        var before = await District("noord").GetCounts();

        await Eventually.HoldsAsync(async () => (await Light(id).GetStatus()).Stale);
        await Eventually.HoldsAsync(async () => (await District("noord").GetCounts()).ActiveConditions.GetValueOrDefault(StaleCondition) == 1);

        await Light(id).Report(Streetlights.Stamp(2), Streetlights.Lit(1));
        Assert.False((await Light(id).GetStatus()).Stale);
        await Eventually.HoldsAsync(async () => !(await District("noord").GetCounts()).ActiveConditions.ContainsKey(StaleCondition));
        var after = await District("noord").GetCounts();
        // One signal that it went stale, one that it came back; the readings themselves signalled nothing (the
        // first may move the light's picture bands, a one-way notice that can land on either side of `before`).
        Assert.Equal(before.SignalNotifications + 2, after.SignalNotifications);
    }

    [Fact]
    public async Task After_a_restart_no_twin_is_called_stale_before_the_grace_period_ends()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id, district: "centrum"));
        await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(1));

        // The new silo's clock (and so its grace) starts somewhere inside the restart, never before this moment.
        var restartBegan = DateTimeOffset.UtcNow;
        await fixture.RestartSiloAsync();
        // Its last report is more than its one-second interval ago, but the silo has just started.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var early = await Light(id).GetStatus();
        if (DateTimeOffset.UtcNow - restartBegan < FastStalenessFixture.Grace)
            Assert.False(early.Stale);

        await Eventually.HoldsAsync(async () => (await Light(id).GetStatus()).Stale);
        // Stale from its deadline, which the grace puts at least two seconds after the new silo started.
        Assert.True((await Light(id).GetStatus()).StaleSince >= restartBegan + FastStalenessFixture.Grace);
    }
}
