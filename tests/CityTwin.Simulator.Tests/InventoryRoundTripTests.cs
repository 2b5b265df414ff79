using CityTwin.Contracts.Assets;
using CityTwin.Domain.Inventory;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Inventory;

namespace CityTwin.Simulator.Tests;

/// <summary>The written inventory read back by the import's own parsers: nothing refused, nothing changed.</summary>
public sealed class InventoryRoundTripTests
{
    private static readonly SimulatedCity City = CityGenerator.Generate(new CityOptions { Seed = 11, Assets = 1_500, Districts = 2 });

    [Fact]
    public void GeoJson_reads_back_with_every_asset_and_road()
    {
        var document = InventoryGeoJson.Parse(InventoryWriter.ToGeoJson(City));
        Assert.Empty(document.Problems);
        Assert.Equal(City.Segments.Count, document.Segments.Count);
        AssertSameAssets(document);
        var segments = document.Segments.ToDictionary(s => s.SegmentId);
        Assert.All(City.Segments, s =>
        {
            var read = segments[s.Id];
            Assert.Equal((s.FromId, s.ToId, s.DistrictId, s.Lanes), (read.FromIntersectionId, read.ToIntersectionId, read.DistrictId, read.Lanes));
            Assert.Equal(s.FreeFlowSpeedKmh, read.FreeFlowSpeedKmh);
        });
    }

    [Fact]
    public void Csv_reads_back_with_every_asset()
    {
        var document = InventoryCsv.Parse(new StringReader(InventoryWriter.ToCsv(City)));
        Assert.Empty(document.Problems);
        Assert.Empty(document.Segments);
        AssertSameAssets(document);
    }

    private static void AssertSameAssets(InventoryDocument document)
    {
        Assert.Equal(City.Assets.Count, document.Assets.Count);
        var read = document.Assets.ToDictionary(a => a.AssetId);
        Assert.All(City.Assets, asset =>
        {
            var row = read[asset.Id];
            Assert.Equal(asset.Kind.Segment(), row.Kind);
            Assert.Equal(asset.DistrictId, row.DistrictId);
            Assert.Equal(asset.DeviceId, row.DeviceId);
            Assert.Equal(asset.Latitude, row.Latitude, 9);
            Assert.Equal(asset.Longitude, row.Longitude, 9);
            if (asset.Kind == AssetKind.Bin)
                Assert.Equal(asset.Parameters.BinCapacityLitres!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Parameters[InventoryColumns.BinCapacity]);
        });
    }
}
