using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Inventory;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Tests.Inventory;

/// <summary>Imports of the sample files; only streetlights have twins in this build, so the samples hold only them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventoryImportTests(ClusterFixture fixture)
{
    private static readonly string[] SmallCityLights = ["light-damstraat-1", "light-rokin-1", "light-park-1"];

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inventory", "Samples", name));

    private Task<ImportReport> ImportAsync(ImportFormat format, string sample) =>
        fixture.Client.GetGrain<IInventoryImportGrain>(InventoryImport.Key).Import(format, Sample(sample));

    private IAssetTwinGrain Light(string id) => TwinGrains.Get(fixture.Client, AssetKind.Streetlight, id);

    private async Task<string?> LightETagAsync(string id) =>
        (await fixture.ReadStoredAsync<TwinState<StreetlightState>>(StorageNames.StreetlightTwinState, Light(id).GetGrainId())).ETag;

    private async Task<string?> NetworkETagAsync(string districtId) =>
        (await fixture.ReadStoredAsync<RoadNetworkState>(StorageNames.RoadNetworkState, fixture.Client.GetGrain<IRoadNetworkGrain>(districtId).GetGrainId())).ETag;

    [Fact]
    public async Task A_small_city_s_segments_are_stored_and_its_lights_provisioned_beside_their_nearest_street()
    {
        var report = await ImportAsync(ImportFormat.GeoJson, "small-city.geojson");

        Assert.Empty(report.Problems);
        Assert.Equal((5, 0), (report.RowsRead, report.RowsRejected));
        Assert.Equal(3, report.AssetsProvisioned + report.AssetsUnchanged);
        Assert.Equal(2, report.SegmentsStored + report.SegmentsUnchanged);

        var segments = await fixture.Client.GetGrain<IRoadNetworkGrain>("centrum").GetSegments();
        var rokin = segments.Single(s => s.Id == "seg-rokin");
        Assert.Equal(("ix-spui", "ix-dam", 560.0, 2), (rokin.FromIntersectionId, rokin.ToIntersectionId, rokin.LengthMetres, rokin.Lanes));
        Assert.Equal(new GeoPoint(52.3685, 4.8895), rokin.Geometry[0]);

        var damstraat = (await Light("light-damstraat-1").GetRecord())!.Provision;
        Assert.Equal(("seg-damstraat", new GeoPoint(52.37295, 4.896), new StreetlightSpec(60, 0.5)), (damstraat.RoadSegmentId, damstraat.Location, damstraat.Spec));
        Assert.Equal("seg-rokin", (await Light("light-rokin-1").GetRecord())!.Provision.RoadSegmentId);
        // A kilometre from any street: provisioned, attached to none.
        var park = (await Light("light-park-1").GetRecord())!;
        Assert.Equal((AssetLifecycle.Active, null), (park.Lifecycle, park.Provision.RoadSegmentId));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_writes_nothing()
    {
        await ImportAsync(ImportFormat.GeoJson, "small-city.geojson");
        var lightETags = await Task.WhenAll(SmallCityLights.Select(LightETagAsync));
        var networkETag = await NetworkETagAsync("centrum");

        var again = await ImportAsync(ImportFormat.GeoJson, "small-city.geojson");

        Assert.Equal((5, 0, 3, 0, 0, 2), Counts(again));
        Assert.Empty(again.Problems);
        Assert.Equal(lightETags, await Task.WhenAll(SmallCityLights.Select(LightETagAsync)));
        Assert.Equal(networkETag, await NetworkETagAsync("centrum"));
    }

    [Fact]
    public async Task A_csv_with_bad_rows_reports_each_by_row_and_field_and_provisions_the_good_ones()
    {
        // The streets its lights stand beside.
        await ImportAsync(ImportFormat.GeoJson, "small-city.geojson");

        var report = await ImportAsync(ImportFormat.Csv, "bad-rows.csv");

        Assert.Equal(7, report.RowsRead);
        Assert.Equal(2, report.AssetsProvisioned + report.AssetsUnchanged);
        Assert.Equal(5, report.RowsRejected);
        Assert.Equal(
            [
                (3, "light-csv-002", "ratedPowerWatts"),
                (4, "light-csv-003", "districtId"),
                (5, "light-csv-004", "kind"),
                (6, null, "row"),
                (7, "light-csv-006", "ratedPower"),
            ],
            report.Problems.Select(p => (p.Row!.Value, p.Id, p.Field)));
        Assert.Equal("-60 is not a positive number of watts", report.Problems[0].Message);

        Assert.Equal("seg-damstraat", (await Light("light-csv-001").GetRecord())?.Provision.RoadSegmentId);
        Assert.Equal("seg-rokin", (await Light("light-csv-007").GetRecord())?.Provision.RoadSegmentId);
        Assert.Null(await Light("light-csv-002").GetRecord());
        Assert.Null(await Light("light-csv-006").GetRecord());
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_one_problem_and_changes_nothing()
    {
        var report = await fixture.Client.GetGrain<IInventoryImportGrain>(InventoryImport.Key).Import(ImportFormat.GeoJson, "{\"type\": \"FeatureCollection\", ");
        var problem = Assert.Single(report.Problems);
        Assert.Equal((null, "file"), (problem.Row, problem.Field));
        Assert.Equal((0, 0, 0, 0, 0, 0), Counts(report));
    }

    private static (int, int, int, int, int, int) Counts(ImportReport report) =>
        (report.RowsRead, report.AssetsProvisioned, report.AssetsUnchanged, report.RowsRejected, report.SegmentsStored, report.SegmentsUnchanged);
}
