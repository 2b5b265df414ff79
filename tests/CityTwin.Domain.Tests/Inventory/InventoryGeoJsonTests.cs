using System.Globalization;
using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class InventoryGeoJsonTests
{
    private static string Collection(params string[] features) =>
        $$"""{"type": "FeatureCollection", "features": [{{string.Join(",", features)}}]}""";

    private static string Light(string id, double longitude = 4.89, double latitude = 52.37, string extra = "") => string.Create(CultureInfo.InvariantCulture,
        $$$"""
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [{{{longitude}}}, {{{latitude}}}]},
         "properties": {"assetId": "{{{id}}}", "kind": "streetlight", "districtId": "centrum", "deviceId": "dev-{{{id}}}", "ratedPowerWatts": 60{{{extra}}}}}
        """);

    private static string Segment(string id, string coordinates = "[[4.88, 52.37], [4.89, 52.37]]", string properties = "\"freeFlowSpeedKmh\": 50, \"lanes\": 2") =>
        $$$"""
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": {{{coordinates}}}},
         "properties": {"segmentId": "{{{id}}}", "from": "ix-1", "to": "ix-2", "districtId": "centrum", {{{properties}}}}}
        """;

    [Fact]
    public void Points_are_assets_and_line_strings_road_segments_with_longitude_first()
    {
        var document = InventoryGeoJson.Parse(Collection(Light("light-1", 4.8922, 52.3731), Segment("seg-1")));

        Assert.Empty(document.Problems);
        Assert.Equal(2, document.RowsRead);
        var light = Assert.Single(document.Assets);
        Assert.Equal((0, 52.3731, 4.8922, "60"), (light.Row, light.Latitude, light.Longitude, light.Parameters[InventoryColumns.RatedPowerWatts]));
        var segment = Assert.Single(document.Segments);
        Assert.Equal((1, "seg-1", "ix-1", "ix-2", "centrum", 50.0, 2), (segment.Row, segment.SegmentId, segment.FromIntersectionId, segment.ToIntersectionId, segment.DistrictId, segment.FreeFlowSpeedKmh, segment.Lanes));
        Assert.Equal([new GeoCoordinate(52.37, 4.88), new GeoCoordinate(52.37, 4.89)], segment.Points);
        Assert.Equal(GeoMath.LengthMetres(segment.Points), segment.LengthMetres);
    }

    [Fact]
    public void A_given_length_is_kept_when_it_fits_the_geometry_and_refused_when_it_does_not()
    {
        var document = InventoryGeoJson.Parse(Collection(
            Segment("seg-1", properties: "\"freeFlowSpeedKmh\": 50, \"lanes\": 2, \"lengthMetres\": 700"),
            Segment("seg-2", properties: "\"freeFlowSpeedKmh\": 50, \"lanes\": 2, \"lengthMetres\": 68")));

        Assert.Equal(700, Assert.Single(document.Segments).LengthMetres);
        Assert.Equal(new RowProblem(1, "seg-2", "lengthMetres", Assert.Single(document.Problems).Message), document.Problems[0]);
    }

    [Theory]
    [InlineData("not json", "file")]
    [InlineData("{\"type\": \"Feature\"}", "type")]
    [InlineData("[1, 2]", "type")]
    [InlineData("{\"type\": \"FeatureCollection\", \"features\": {}}", "features")]
    [InlineData("", "file")]
    public void A_file_that_is_not_a_feature_collection_is_one_problem(string content, string field)
    {
        var document = InventoryGeoJson.Parse(content);
        var problem = Assert.Single(document.Problems);
        Assert.Equal((null, field), (problem.Row, problem.Field));
        Assert.Equal(0, document.RowsRead);
    }

    [Fact]
    public void Malformed_json_says_where()
    {
        var problem = Assert.Single(InventoryGeoJson.Parse(Collection(Light("light-1")) + ",").Problems);
        Assert.Contains("is not JSON", problem.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_geometries_and_broken_features_are_reported_by_index()
    {
        var document = InventoryGeoJson.Parse(Collection(
            """{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {"assetId": "park-1"}}""",
            """{"type": "Feature", "geometry": null, "properties": {"assetId": "light-9"}}""",
            """{"type": "Thing"}""",
            Light("light-1"),
            """{"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.89]}, "properties": {"assetId": "light-2", "kind": "streetlight", "districtId": "centrum", "deviceId": "dev-2"}}"""));

        Assert.Equal(
            [(0, "park-1", "geometry.type"), (1, "light-9", "geometry"), (2, null, "type"), (4, "light-2", "coordinates")],
            document.Problems.Select(p => (p.Row!.Value, p.Id, p.Field)));
        Assert.Equal("light-1", Assert.Single(document.Assets).AssetId);
        Assert.Equal(5, document.RowsRead);
        Assert.Equal(4, document.RowsRejected);
    }

    [Fact]
    public void Unusable_segment_properties_are_each_reported_once()
    {
        var document = InventoryGeoJson.Parse(Collection(
            Segment("seg-1", properties: "\"freeFlowSpeedKmh\": \"fast\", \"lanes\": 2.5"),
            Segment("seg-2", coordinates: "[[4.88, 52.37]]", properties: "\"freeFlowSpeedKmh\": 200"),
            Segment("seg-3", coordinates: "[[4.88, 52.37], \"here\"]", properties: "\"freeFlowSpeedKmh\": 50, \"lanes\": 2")));

        Assert.Equal(
            [(0, "freeFlowSpeedKmh"), (0, "lanes"), (1, "lanes"), (1, "coordinates"), (1, "freeFlowSpeedKmh"), (2, "coordinates")],
            document.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Equal("is required", document.Problems[2].Message);
        Assert.Empty(document.Segments);
    }

    [Fact]
    public void Unknown_properties_are_reported_once_each_and_ignored()
    {
        var document = InventoryGeoJson.Parse(Collection(
            Light("light-1", extra: ", \"name\": \"Dam 1\""),
            Light("light-2", extra: ", \"name\": \"Dam 2\""),
            Segment("seg-1", properties: "\"freeFlowSpeedKmh\": 50, \"lanes\": 2, \"name\": \"Damrak\", \"highway\": \"primary\"")));

        Assert.Equal([(0, "name"), (2, "name"), (2, "highway")], document.Problems.Select(p => (p.Row!.Value, p.Field)));
        Assert.Equal(2, document.Assets.Count);
        Assert.Single(document.Segments);
    }

    [Fact]
    public void Pollutants_may_be_a_list_and_numbers_may_be_strings()
    {
        var document = InventoryGeoJson.Parse(Collection(
            """{"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.9, 52.4, 3.5]}, "properties": {"assetId": "air-1", "kind": "airquality", "districtId": "noord", "deviceId": "dev-1", "pollutants": ["pm25", "no2"]}}""",
            Segment("seg-1", properties: "\"freeFlowSpeedKmh\": \"30\", \"lanes\": \"1\"")));

        Assert.Empty(document.Problems);
        Assert.Equal("pm25 no2", Assert.Single(document.Assets).Parameters[InventoryColumns.Pollutants]);
        Assert.Equal(30, Assert.Single(document.Segments).FreeFlowSpeedKmh);
    }

    [Fact]
    public void A_segment_id_appears_once_per_file()
    {
        var problem = Assert.Single(InventoryGeoJson.Parse(Collection(Segment("seg-1"), Segment("seg-1"))).Problems);
        Assert.Equal((1, "segmentId"), (problem.Row!.Value, problem.Field));
        Assert.Contains("feature 0", problem.Message, StringComparison.Ordinal);
    }
}
