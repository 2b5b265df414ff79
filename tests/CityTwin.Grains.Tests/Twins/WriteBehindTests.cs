using System.Globalization;
using CityTwin.Contracts.Streetlights;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Twins;

/// <summary>Write-behind so long that only deactivation (or a restart) can have written a reading.</summary>
public sealed class SlowWriteBehindFixture : ClusterFixture
{
    protected override void Configure(TwinOptions options) => options.WriteBehindInterval = TimeSpan.FromMinutes(10);
}

[CollectionDefinition(Name)]
public sealed class SlowWriteBehindCollection : ICollectionFixture<SlowWriteBehindFixture>
{
    public const string Name = "slow-write-behind";
}

[Collection(SlowWriteBehindCollection.Name)]
public sealed class WriteBehindTests(SlowWriteBehindFixture fixture)
{
    private IStreetlightGrain Light(string id) => fixture.Client.GetGrain<IStreetlightGrain>(id);

    private Task<(TwinState<StreetlightState> State, string? ETag)> StoredAsync(string id) =>
        fixture.ReadStoredAsync<TwinState<StreetlightState>>(StorageNames.StreetlightTwinState, Light(id).GetGrainId());

    [Fact]
    public async Task Readings_are_written_behind_coalesced_into_one_write_and_flushed_on_deactivation()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id));
        var (_, provisionedVersion) = await StoredAsync(id);

        for (var sequence = 1; sequence <= 50; sequence++)
            await Light(id).Report(Streetlights.Stamp(sequence), Streetlights.Lit(sequence / 50.0));

        var (beforeFlush, _) = await StoredAsync(id);
        Assert.Null(beforeFlush.Kind.LastReadingAt);
        Assert.True((await Light(id).GetStatus()).UnsavedChanges);

        await fixture.DeactivateIdleGrainsAsync();

        var (afterFlush, flushedVersion) = await StoredAsync(id);
        Assert.Equal(1.0, afterFlush.Kind.IlluminanceLevel);
        Assert.Equal(50, afterFlush.Counters?.Applied);
        Assert.Equal(int.Parse(provisionedVersion!, CultureInfo.InvariantCulture) + 1, int.Parse(flushedVersion!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_silo_restart_keeps_the_readings_applied_before_it()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id));
        await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(0.4));
        await Light(id).RequestLevel(0.6);

        await fixture.RestartSiloAsync();

        var twin = await Light(id).GetTwin();
        Assert.Equal(0.4, twin!.IlluminanceLevel);
        Assert.Equal(0.6, twin.DesiredLevel);
        Assert.False(twin.DesiredLevelConfirmed);
        Assert.Equal(ReadingOutcomeAfterRestart.Duplicate, await ReportAgainAsync(id));
    }

    private enum ReadingOutcomeAfterRestart { Applied, Duplicate, Late, Rejected }

    /// <summary>The reading's sequence was stored too: the same message redelivered after the restart is a duplicate.</summary>
    private async Task<ReadingOutcomeAfterRestart> ReportAgainAsync(string id) =>
        (ReadingOutcomeAfterRestart)(int)(await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(0.4))).Outcome;

    [Fact]
    public async Task A_command_is_written_through_even_when_readings_are_written_behind()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id));
        Assert.True((await Light(id).RequestLevel(0.3)).Accepted);
        Assert.Equal(0.3, (await StoredAsync(id)).State.Kind.DesiredLevel);
        Assert.False((await Light(id).RequestLevel(1.5)).Accepted);
    }
}
