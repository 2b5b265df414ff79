using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Inventory;
using CityTwin.Grains.Inventory;
using CityTwin.Grains.Persistence;

namespace CityTwin.Grains.Tests.Inventory;

[Collection(ClusterCollection.Name)]
public sealed class RoadNetworkGrainTests(ClusterFixture fixture)
{
    private IRoadNetworkGrain Network(string districtId) => fixture.Client.GetGrain<IRoadNetworkGrain>(districtId);

    private async Task<string?> StoredETagAsync(string districtId) =>
        (await fixture.ReadStoredAsync<RoadNetworkState>(StorageNames.RoadNetworkState, Network(districtId).GetGrainId())).ETag;

    /// <summary>An east-west street in Noord, far from any other test's, about 680 m long.</summary>
    private static RoadSegment Street(string id, double latitude = 52.40) => new(
        id, $"{id}-west", $"{id}-east", "noord",
        [new GeoPoint(latitude, 4.92), new GeoPoint(latitude, 4.93)], 680, 50, 2);

    private static string NewId() => $"seg-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task Upserting_segments_stores_them_and_upserting_them_again_writes_nothing()
    {
        var (first, second) = (Street(NewId()), Street(NewId(), latitude: 52.401));
        Assert.True((await Network("noord").UpsertSegments([first, second])).Accepted);
        var etag = await StoredETagAsync("noord");
        var stored = await Network("noord").GetSegments();
        Assert.Contains(first, stored);
        Assert.Contains(second, stored);

        // Copies, as a new import would bring them: equal by value, not the same objects.
        Assert.True((await Network("noord").UpsertSegments([first with { Geometry = [.. first.Geometry] }, second])).Accepted);
        Assert.Equal(etag, await StoredETagAsync("noord"));

        Assert.True((await Network("noord").UpsertSegments([first with { FreeFlowSpeedKmh = 30 }])).Accepted);
        Assert.NotEqual(etag, await StoredETagAsync("noord"));
        Assert.Equal(30, (await Network("noord").GetSegments()).Single(s => s.Id == first.Id).FreeFlowSpeedKmh);
        Assert.Contains(second, await Network("noord").GetSegments());
    }

    [Fact]
    public async Task A_refused_upsert_names_each_bad_segment_by_position_and_stores_none_of_them()
    {
        var good = Street(NewId());
        var result = await Network("noord").UpsertSegments([good, Street(NewId()) with { Lanes = 9 }, Street(NewId()) with { DistrictId = "centrum" }]);

        Assert.False(result.Accepted);
        Assert.Equal(["segments[1].lanes", "segments[2].districtId"], result.Errors.Select(e => e.Field));
        Assert.DoesNotContain(await Network("noord").GetSegments(), s => s.Id == good.Id);
    }

    [Fact]
    public async Task Segments_of_a_district_the_city_does_not_have_are_refused()
    {
        var result = await Network("atlantis").UpsertSegments([Street(NewId()) with { DistrictId = "atlantis" }]);
        Assert.Equal("districtId", Assert.Single(result.Errors).Field);
        Assert.Null(await StoredETagAsync("atlantis"));
    }

    [Fact]
    public async Task The_nearest_segment_within_reach_is_found()
    {
        var street = Street(NewId(), latitude: 52.45);
        await Network("noord").UpsertSegments([street]);

        var match = await Network("noord").Nearest(new GeoPoint(52.4505, 4.925));
        Assert.Equal(street.Id, match?.SegmentId);
        Assert.InRange(match!.DistanceMetres, 50, 60);
        Assert.Null(await Network("noord").Nearest(new GeoPoint(52.46, 4.925)));
    }
}
