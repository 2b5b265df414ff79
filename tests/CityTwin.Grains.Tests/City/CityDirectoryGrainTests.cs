using CityTwin.Contracts.City;
using CityTwin.Grains.City;
using CityTwin.Grains.Persistence;

namespace CityTwin.Grains.Tests.City;

[Collection(ClusterCollection.Name)]
public sealed class CityDirectoryGrainTests(ClusterFixture fixture)
{
    private static readonly District Centrum = new("centrum", "Centrum", "Europe/Amsterdam", 52.372, 4.893);
    private static readonly District Noord = new("noord", "Noord", "Europe/Amsterdam", 52.39, 4.92);

    // Each test uses a directory of its own key, so tests do not see each other's districts.
    private ICityDirectoryGrain NewDirectory(out GrainId id)
    {
        var grain = fixture.Client.GetGrain<ICityDirectoryGrain>($"city-{Guid.NewGuid():N}");
        id = grain.GetGrainId();
        return grain;
    }

    [Fact]
    public async Task An_accepted_district_is_in_storage_before_the_call_returns()
    {
        var directory = NewDirectory(out var id);
        Assert.True((await directory.UpsertDistrict(Centrum)).Accepted);

        var (stored, _) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);
        Assert.Equal(Centrum, stored.Districts["centrum"]);
    }

    [Fact]
    public async Task A_rejected_district_names_its_fields_and_changes_nothing()
    {
        var directory = NewDirectory(out var id);
        await directory.UpsertDistrict(Centrum);
        var (_, etagBefore) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);

        var result = await directory.UpsertDistrict(Centrum with { Name = "", CentreLatitude = 123 });

        Assert.False(result.Accepted);
        Assert.Equal(["name", "centreLatitude"], result.Errors.Select(e => e.Field));
        Assert.Equal(Centrum, await directory.GetDistrict("centrum"));
        var (_, etagAfter) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);
        Assert.Equal(etagBefore, etagAfter);
    }

    [Fact]
    public async Task Upserting_an_unchanged_district_does_not_write_again()
    {
        var directory = NewDirectory(out var id);
        await directory.UpsertDistrict(Centrum);
        var (_, etagBefore) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);

        Assert.True((await directory.UpsertDistrict(Centrum)).Accepted);

        var (_, etagAfter) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);
        Assert.Equal(etagBefore, etagAfter);
    }

    [Fact]
    public async Task Districts_are_listed_by_id_and_can_be_replaced_and_removed()
    {
        var directory = NewDirectory(out var id);
        await directory.UpsertDistrict(Noord);
        await directory.UpsertDistrict(Centrum);
        Assert.Equal([Centrum, Noord], await directory.ListDistricts());

        var renamed = Noord with { Name = "Amsterdam-Noord" };
        await directory.UpsertDistrict(renamed);
        Assert.Equal(renamed, await directory.GetDistrict("noord"));

        Assert.True((await directory.RemoveDistrict("centrum")).Accepted);
        Assert.Equal([renamed], await directory.ListDistricts());
        var (stored, _) = await fixture.ReadStoredAsync<CityDirectoryState>(StorageNames.CityDirectoryState, id);
        Assert.Equal(["noord"], stored.Districts.Keys);
    }

    [Fact]
    public async Task Removing_an_unknown_district_is_refused_with_its_id()
    {
        var directory = NewDirectory(out _);
        var result = await directory.RemoveDistrict("atlantis");
        Assert.False(result.Accepted);
        var error = Assert.Single(result.Errors);
        Assert.Equal("districtId", error.Field);
        Assert.Contains("atlantis", error.Message, StringComparison.Ordinal);
    }
}
