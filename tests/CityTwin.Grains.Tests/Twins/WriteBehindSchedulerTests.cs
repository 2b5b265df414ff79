using System.Globalization;
using CityTwin.Contracts.Streetlights;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Twins;

/// <summary>Write-behind by the silo's one scheduler, at the short interval of the shared fixture.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteBehindSchedulerTests(ClusterFixture fixture)
{
    private IStreetlightGrain Light(string id) => fixture.Client.GetGrain<IStreetlightGrain>(id);

    private Task<(TwinState<StreetlightState> State, string? ETag)> StoredAsync(string id) =>
        fixture.ReadStoredAsync<TwinState<StreetlightState>>(StorageNames.StreetlightTwinState, Light(id).GetGrainId());

    private static int Version(string? etag) => int.Parse(etag!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Readings_of_many_twins_are_written_without_any_deactivation_each_twin_coalesced()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Streetlights.NewId()).ToList();
        var provisioned = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            await Light(id).Provision(Streetlights.Provision(id));
            provisioned[id] = Version((await StoredAsync(id)).ETag);
        }

        const int Readings = 30;
        await Task.WhenAll(ids.Select(async id =>
        {
            for (var sequence = 1; sequence <= Readings; sequence++)
                await Light(id).Report(Streetlights.Stamp(sequence), Streetlights.Lit(sequence / (double)Readings));
        }));

        foreach (var id in ids)
        {
            await Eventually.HoldsAsync(async () => !(await Light(id).GetStatus()).UnsavedChanges);
            var (stored, etag) = await StoredAsync(id);
            Assert.Equal(Readings, stored.Counters?.Applied);
            Assert.Equal(1.0, stored.Kind.IlluminanceLevel);
            // Every reading marked the twin changed; the scheduler took each twin once per round.
            Assert.InRange(Version(etag) - provisioned[id], 1, Readings - 1);
        }
    }

    [Fact]
    public async Task A_twin_with_nothing_unsaved_is_not_written_again()
    {
        var id = Streetlights.NewId();
        await Light(id).Provision(Streetlights.Provision(id));
        await Light(id).Report(Streetlights.Stamp(1), Streetlights.Lit(0.5));
        await Eventually.HoldsAsync(async () => !(await Light(id).GetStatus()).UnsavedChanges);
        var (_, written) = await StoredAsync(id);

        await Task.Delay(4 * ClusterFixture.WriteBehindInterval);

        Assert.Equal(written, (await StoredAsync(id)).ETag);
    }
}
