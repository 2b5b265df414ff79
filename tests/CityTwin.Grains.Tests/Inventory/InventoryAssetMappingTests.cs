using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Inventory;
using CityTwin.Grains.Inventory;

namespace CityTwin.Grains.Tests.Inventory;

/// <summary>Rows of every kind to provisions, without a silo: the other kinds' twins come with their own branches.</summary>
public sealed class InventoryAssetMappingTests
{
    /// <summary>A crossing with one road in from the south, one out to the east and one in from the east.</summary>
    private static readonly DistrictRoadNetwork Roads = new("centrum",
    [
        new RoadSegment("seg-south-in", "ix-south", "ix-dam", "centrum", [new GeoPoint(52.3685, 4.8926), new GeoPoint(52.3731, 4.8926)], 512, 30, 2),
        new RoadSegment("seg-east-out", "ix-dam", "ix-east", "centrum", [new GeoPoint(52.3731, 4.8926), new GeoPoint(52.3731, 4.9003)], 524, 50, 1),
        new RoadSegment("seg-east-in", "ix-east", "ix-dam", "centrum", [new GeoPoint(52.3731, 4.9003), new GeoPoint(52.3731, 4.8926)], 524, 50, 1),
    ]);

    private static InventoryRow Row(string kind, string id = "asset-1", double latitude = 52.3710, double longitude = 4.8928, params (string Name, string Value)[] parameters) =>
        new(12, id, kind, "centrum", latitude, longitude, "dev-1", parameters.ToDictionary(p => p.Name, p => p.Value));

    private static AssetProvision Provision(InventoryRow row)
    {
        var (provision, problems) = InventoryAssetMapping.ToProvision(row, Roads);
        Assert.Empty(problems);
        return provision!;
    }

    private static IReadOnlyList<RowProblem> Problems(InventoryRow row)
    {
        var (provision, problems) = InventoryAssetMapping.ToProvision(row, Roads);
        Assert.Null(provision);
        return problems;
    }

    [Fact]
    public void A_bin_takes_its_capacity_depth_and_load_and_the_default_threshold_and_its_street()
    {
        var provision = Provision(Row("bin", "bin-0042", parameters: [("binCapacity", "240"), ("depthCm", "110"), ("maxLoadKg", "90")]));
        Assert.Equal(new AssetProvision("bin-0042", AssetKind.Bin, "centrum", new GeoPoint(52.3710, 4.8928), "dev-1", new BinSpec(240, 0.8, 110, 90), "seg-south-in"), provision);
    }

    [Fact]
    public void A_bin_with_a_negative_capacity_is_refused_in_the_operator_s_words()
    {
        var problem = Assert.Single(Problems(Row("bin", "bin-0042", parameters: [("binCapacity", "-5"), ("depthCm", "110"), ("maxLoadKg", "90")])));
        Assert.Equal(new RowProblem(12, "bin-0042", "binCapacity", "-5 is not a positive number of litres"), problem);
    }

    [Fact]
    public void A_streetlight_far_from_every_street_is_attached_to_none()
    {
        var provision = Provision(Row("streetlight", latitude: 52.38, longitude: 4.88, parameters: [("ratedPowerWatts", "60")]));
        Assert.Equal((new StreetlightSpec(60, InventoryAssetMapping.DefaultStandbyPowerWatts), null), (provision.Spec, provision.RoadSegmentId));
    }

    [Fact]
    public void A_truck_has_its_depot_and_no_street()
    {
        var provision = Provision(Row("truck", parameters: [("capacityKg", "9000"), ("depotLatitude", "52.40"), ("depotLongitude", "4.85")]));
        Assert.Equal((new TruckSpec(9000, new GeoPoint(52.40, 4.85)), null), (provision.Spec, provision.RoadSegmentId));
        Assert.Equal(["capacityKg", "depotLongitude"], Problems(Row("truck", parameters: [("capacityKg", "0"), ("depotLatitude", "52.40")])).Select(p => p.Field));
    }

    [Fact]
    public void An_air_quality_sensor_lists_its_pollutants()
    {
        var spec = Assert.IsType<AirQualitySpec>(Provision(Row("airquality", parameters: [("pollutants", "pm25;no2 O3")])).Spec);
        Assert.Equal(["pm25", "no2", "o3"], spec.MeasuredPollutants);
        Assert.Equal("pollutants", Assert.Single(Problems(Row("airquality"))).Field);
    }

    [Fact]
    public void An_intersection_s_approaches_and_exits_come_from_the_road_network()
    {
        var provision = Provision(Row("intersection", "ix-dam", 52.3731, 4.8926));
        var spec = Assert.IsType<IntersectionSpec>(provision.Spec);

        Assert.Equal(
            [new ApproachSpec("seg-east-in", "seg-east-in", 50, 1, null, null), new ApproachSpec("seg-south-in", "seg-south-in", 30, 2, null, null)],
            spec.Approaches);
        Assert.Equal([new OutgoingSegmentSpec("seg-east-out", "ix-east", 524, 50)], spec.OutgoingSegments);
        Assert.Null(provision.RoadSegmentId);
    }

    [Fact]
    public void An_intersection_no_road_leads_to_is_refused_naming_the_missing_network()
    {
        var problem = Assert.Single(Problems(Row("intersection", "ix-south")));
        Assert.Equal("roadNetwork", problem.Field);
        Assert.Contains("\"to\": \"ix-south\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provisions_read_back_from_storage_are_the_same_though_their_lists_are_new()
    {
        var provision = Provision(Row("intersection", "ix-dam", 52.3731, 4.8926));
        var spec = (IntersectionSpec)provision.Spec;
        var copy = provision with { Spec = spec with { Approaches = [.. spec.Approaches], OutgoingSegments = [.. spec.OutgoingSegments] } };

        Assert.Equal(provision, copy);
        Assert.NotEqual(provision, copy with { DeviceId = "dev-2" });
    }
}
