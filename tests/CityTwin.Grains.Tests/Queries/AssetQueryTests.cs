using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Queries;

namespace CityTwin.Grains.Tests.Queries;

[Collection(QueryCollection.Name)]
public class AssetQueryTests(QueryFixture fixture)
{
    private static GeoPoint North(int steps) => new(52.370 + steps * 0.002, 4.890);

    private async Task<List<string>> IdsAsync(AssetQuery query) =>
        [.. (await fixture.AllPagesAsync(query)).SelectMany(p => p.Items).Select(i => i.AssetId)];

    [Fact]
    public async Task Each_filter_narrows_to_the_assets_whose_live_values_match()
    {
        var d = await fixture.NewDistrictAsync();
        var a = await fixture.BinAsync(d, $"{d}-a", North(0), 0.1);
        var b = await fixture.BinAsync(d, $"{d}-b", North(1), 0.6);
        await fixture.BinAsync(d, $"{d}-c", North(2), 0.7);
        await fixture.BinAsync(d, $"{d}-d", North(3), 0.9);
        await fixture.BinAsync(d, $"{d}-e", North(4), 0.3);
        await fixture.LightAsync(d, $"{d}-l", new GeoPoint(52.370, 4.8901));
        await a.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.1, LidOpen: true));
        // A fill drop with no collection makes the sensor suspect.
        await b.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.05));

        Assert.Equal([$"{d}-a", $"{d}-b", $"{d}-c", $"{d}-d", $"{d}-e"], await IdsAsync(new(Kind: AssetKind.Bin, DistrictId: d)));
        Assert.Equal([$"{d}-l"], await IdsAsync(new(Kind: AssetKind.Streetlight, DistrictId: d)));
        Assert.Equal([$"{d}-c", $"{d}-d"], await IdsAsync(new(DistrictId: d, FillAbove: 0.65)));
        Assert.Equal([$"{d}-a", $"{d}-b", $"{d}-e"], await IdsAsync(new(DistrictId: d, FillBelow: 0.5)));
        Assert.Equal([$"{d}-e"], await IdsAsync(new(DistrictId: d, FillAbove: 0.25, FillBelow: 0.65)));
        Assert.Equal([$"{d}-a"], await IdsAsync(new(DistrictId: d, Status: "lidOpen")));
        Assert.Equal([$"{d}-b"], await IdsAsync(new(DistrictId: d, SensorHealth: "suspect")));
        Assert.Equal([$"{d}-a", $"{d}-c", $"{d}-d", $"{d}-e"], await IdsAsync(new(DistrictId: d, SensorHealth: "ok")));
        Assert.Equal([$"{d}-a", $"{d}-l"], await IdsAsync(new(DistrictId: d, Near: new GeoCircle(North(0), 50))));
        Assert.Equal([$"{d}-a"], await IdsAsync(new(Kind: AssetKind.Bin, DistrictId: d, Near: new GeoCircle(North(0), 50))));
        Assert.Equal([$"{d}-b", $"{d}-c"], await IdsAsync(new(DistrictId: d, Box: new GeoBox(52.3715, 4.88, 52.3745, 4.90))));

        var item = Assert.Single((await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.85))).Items);
        Assert.Equal(($"{d}-d", AssetKind.Bin, d, North(3), 0.9, "ok", "ok"),
            (item.AssetId, item.Kind, item.DistrictId, item.Location, item.FillingLevel, item.Status, item.SensorHealth));
        Assert.Equal("75-100", item.Bands[PictureBands.Fill]);
    }

    [Fact]
    public async Task Stale_twins_are_found_and_one_that_reports_again_is_not()
    {
        var d = await fixture.NewDistrictAsync();
        var quiet = await fixture.BinAsync(d, $"{d}-quiet", North(0), 0.2);
        var back = await fixture.BinAsync(d, $"{d}-back", North(1), 0.2);
        Assert.Empty(await IdsAsync(new(DistrictId: d, Stale: true)));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        await fixture.Client.GetGrain<IDistrictGrain>(d).SweepStaleness();
        Assert.Equal([$"{d}-back", $"{d}-quiet"], await IdsAsync(new(DistrictId: d, Stale: true)));

        await back.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.25));
        Assert.Equal([$"{d}-quiet"], await IdsAsync(new(DistrictId: d, Stale: true)));
        Assert.Equal([$"{d}-back"], await IdsAsync(new(DistrictId: d, Stale: false)));
        Assert.True((await quiet.GetStatus()).Stale);
    }

    [Fact]
    public async Task Pages_follow_id_order_and_a_cursor_neither_repeats_nor_skips_while_assets_come()
    {
        var d = await fixture.NewDistrictAsync();
        var ids = Enumerable.Range(1, 7).Select(n => $"{d}-p{n}").ToList();
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
            await fixture.BinAsync(d, id, North(n), 0.5);

        var pages = await fixture.AllPagesAsync(new(DistrictId: d, PageSize: 3));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.Items).Select(i => i.AssetId));

        var first = await fixture.Queries.ListAssets(new(DistrictId: d, PageSize: 3));
        await fixture.BinAsync(d, $"{d}-p0", North(8), 0.5);   // sorts before the cursor
        await fixture.BinAsync(d, $"{d}-p9", North(9), 0.5);   // sorts after it
        var rest = await fixture.AllPagesAsync(new(DistrictId: d, PageSize: 3, Cursor: first.NextCursor));
        var seen = first.Items.Concat(rest.SelectMany(p => p.Items)).Select(i => i.AssetId).ToList();
        Assert.Equal([.. ids, $"{d}-p9"], seen);
    }

    [Fact]
    public async Task A_twin_s_change_is_in_the_very_next_query()
    {
        var d = await fixture.NewDistrictAsync();
        var bin = await fixture.BinAsync(d, $"{d}-x", North(0), 0.1);
        Assert.Empty((await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.8))).Items);

        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.85));
        Assert.Equal(0.85, Assert.Single((await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.8))).Items).FillingLevel);

        // Inside the same band the district hears nothing; the exact value still comes from the twin.
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.95));
        Assert.Equal(0.95, Assert.Single((await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.9))).Items).FillingLevel);
        Assert.Empty((await fixture.Queries.ListAssets(new(DistrictId: d, FillBelow: 0.9))).Items);
    }

    [Fact]
    public async Task A_page_asks_no_more_twins_than_the_bound_and_the_index_spares_twins_outside_the_band()
    {
        var d = await fixture.NewDistrictAsync();
        const int bins = QueryFixture.TwinsPerPage + 2;
        for (var n = 0; n < bins; n++)
            await fixture.BinAsync(d, $"{d}-f{n:00}", North(n % 5), 0.6);

        // Every bin's band (50-75) may hold 0.7 or more: each is a candidate, none matches.
        var first = await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.7));
        Assert.Empty(first.Items);
        Assert.Equal(QueryFixture.TwinsPerPage, first.TwinsAsked);
        Assert.NotNull(first.NextCursor);
        var second = await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.7, Cursor: first.NextCursor));
        Assert.Equal((0, 2, null), (second.Items.Count, second.TwinsAsked, second.NextCursor));

        // No bin's band can hold 0.8: no twin is asked at all.
        var none = await fixture.Queries.ListAssets(new(DistrictId: d, FillAbove: 0.8));
        Assert.Equal((0, 0, null), (none.Items.Count, none.TwinsAsked, none.NextCursor));
        var lit = await fixture.Queries.ListAssets(new(DistrictId: d, Kind: AssetKind.Streetlight));
        Assert.Equal(0, lit.TwinsAsked);
    }

    [Fact]
    public async Task A_wrong_query_is_answered_with_the_fields_that_were_wrong()
    {
        var page = await fixture.Queries.ListAssets(new(PageSize: 0, FillAbove: 2, SensorHealth: "great", Cursor: "nonsense", Near: new(new(91, 0), -1)));
        Assert.Empty(page.Items);
        Assert.Equal(["cursor", "fillAbove", "near.latitude", "near.radiusMetres", "pageSize", "sensorHealth"], page.Errors.Select(e => e.Field).Order());

        var unknown = await fixture.Queries.ListAssets(new(DistrictId: "no-such-district"));
        Assert.Equal("district", Assert.Single(unknown.Errors).Field);
    }

    [Fact]
    public async Task A_district_summary_an_asset_and_its_history_come_from_live_state()
    {
        var d = await fixture.NewDistrictAsync();
        var bin = await fixture.BinAsync(d, $"{d}-h", North(0), 0.2);
        await fixture.BinAsync(d, $"{d}-i", North(1), 0.9);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.3));
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await bin.Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.4));

        var summary = await fixture.Queries.GetDistrictSummary(d);
        Assert.NotNull(summary);
        Assert.Equal(2, summary.Assets[AssetKind.Bin]);
        Assert.Equal(new Dictionary<string, int> { ["25-50"] = 1, ["75-100"] = 1 }, summary.Picture.BinsByFill);
        Assert.Contains(d, (await fixture.Queries.ListDistrictSummaries()).Select(s => s.DistrictId));
        Assert.Null(await fixture.Queries.GetDistrictSummary("no-such-district"));

        Assert.Equal(0.4, (await fixture.Queries.GetAsset($"{d}-h"))?.FillingLevel);
        Assert.Null(await fixture.Queries.GetAsset($"{d}-nothing"));

        var history = await fixture.Queries.GetAssetHistory($"{d}-h", QueryLimits.MaxHistorySamples);
        var fill = Assert.Single(history!.Series);
        Assert.Equal("fillingLevel", fill.Name);
        // The twin keeps its history compactly (single precision).
        Assert.Equal(0.4, fill.Points[^1].Value, 5);
        Assert.True(fill.Points.Count >= 2, $"{fill.Points.Count} points");
        var last = Assert.Single(Assert.Single((await fixture.Queries.GetAssetHistory($"{d}-h", 1))!.Series).Points);
        Assert.Equal(fill.Points[^1], last);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Queries.GetAssetHistory($"{d}-h", 0));
    }
}

[Collection(QueryCollection.Name)]
public class DistrictAssetIndexTests(QueryFixture fixture)
{
    private static AssetPicture Fill(string quarter) =>
        new(new Dictionary<string, string> { [PictureBands.Fill] = quarter }, new Dictionary<string, double>());

    [Fact]
    public async Task An_enrolment_that_arrives_after_a_newer_notification_does_not_undo_it()
    {
        var d = await fixture.NewDistrictAsync();
        var district = fixture.Client.GetGrain<IDistrictGrain>(d);
        var enrolledAt = fixture.Time.GetUtcNow();
        // Direct one-way calls may overtake each other (twins send theirs in order through the outbox): the twin
        // enrolled, then its reading moved the band, but the district hears the reading's notification first.
        await district.Notify(new AssetNotification($"{d}-late", AssetKind.Bin, enrolledAt.AddSeconds(1), [], Picture: Fill("75-100")));
        await district.Enroll($"{d}-late", AssetKind.Bin, enrolledAt.AddHours(1), Fill("unknown"), null, new GeoPoint(52.37, 4.89), false, enrolledAt);

        // Both are one-way: wait until the district has taken them in, then until it has taken the enrolment.
        await Eventually.HoldsAsync(async () => (await district.GetCounts()).NotificationsReceived == 1
            && (await district.FindCandidates(new AssetQuery(Kind: AssetKind.Bin), null, 10)).Candidates.Any(c => c.Location is not null));
        var found = await district.FindCandidates(new AssetQuery(FillAbove: 0.8), null, 10);
        Assert.Equal([$"{d}-late"], found.Candidates.Select(c => c.AssetId));
        Assert.Equal(new GeoPoint(52.37, 4.89), found.Candidates[0].Location);

        // A later enrolment (the twin activated again) is taken.
        await district.Enroll($"{d}-late", AssetKind.Bin, enrolledAt.AddHours(1), Fill("0-25"), null, new GeoPoint(52.37, 4.89), false, enrolledAt.AddSeconds(2));
        await Eventually.HoldsAsync(async () => (await district.FindCandidates(new AssetQuery(FillAbove: 0.8), null, 10)).Candidates.Count == 0);
        Assert.Equal([$"{d}-late"], (await district.FindCandidates(new AssetQuery(FillBelow: 0.2), null, 10)).Candidates.Select(c => c.AssetId));
    }
}

[Collection(QueryCollection.Name)]
public class OpenCellTests(QueryFixture fixture)
{
    [Fact]
    public async Task Cells_give_service_levels_and_leave_out_cells_under_k_assets_and_every_truck()
    {
        var d = await fixture.NewDistrictAsync();
        for (var n = 0; n < 5; n++)
            await fixture.BinAsync(d, $"{d}-b{n}", new GeoPoint(52.3700 + n * 0.0001, 4.8900), n == 0 ? 0.9 : 0.3);
        for (var n = 0; n < 4; n++)
            await fixture.LightAsync(d, $"{d}-l{n}", new GeoPoint(52.3900 + n * 0.0001, 4.8900));
        var district = fixture.Client.GetGrain<IDistrictGrain>(d);
        await Eventually.HoldsAsync(async () => (await district.GetCellAggregates(500, 1)).Sum(c => c.Assets) == 9
            && (await district.GetCellAggregates(500, 1)).Any(c => c.BinServiceLevel == 0.8));

        var published = Assert.Single(await district.GetCellAggregates(500, 5));
        Assert.Equal((5, 5, 0.8, 0), (published.Assets, published.Bins, published.BinServiceLevel, published.Lights));
        Assert.InRange(52.3702, published.South, published.North);

        var lit = Assert.Single(await district.GetCellAggregates(500, 4), c => c.Lights > 0);
        Assert.Equal((4, 4, (double?)null), (lit.Lights, lit.LightsWorking, lit.BinServiceLevel));
    }
}
