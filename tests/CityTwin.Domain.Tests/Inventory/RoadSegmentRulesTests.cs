using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class RoadSegmentRulesTests
{
    /// <summary>About 680 m along an Amsterdam street.</summary>
    private static readonly GeoCoordinate[] Street = [new(52.37, 4.88), new(52.37, 4.89)];

    private static IEnumerable<string> Fields(
        string segmentId = "seg-1", string from = "ix-1", string to = "ix-2", string district = "centrum",
        GeoCoordinate[]? points = null, double? length = null, double speed = 50, int lanes = 2) =>
        RoadSegmentRules.Validate(segmentId, from, to, district, points ?? Street, length, speed, lanes).Select(v => v.Field);

    [Fact]
    public void A_sound_segment_breaks_no_rule() => Assert.Empty(Fields());

    [Fact]
    public void Ids_must_be_slugs_and_the_ends_different()
    {
        Assert.Equal(["segmentId", "from", "districtId"], Fields(segmentId: "Seg 1", from: "", district: "Centrum"));
        Assert.Equal(["to"], Fields(from: "ix-1", to: "ix-1"));
    }

    [Fact]
    public void A_segment_needs_two_points_on_earth_apart_from_each_other()
    {
        Assert.Equal(["coordinates"], Fields(points: [new(52.37, 4.88)]));
        Assert.Equal(["coordinates"], Fields(points: [new(52.37, 4.88), new(95, 4.88)]));
        Assert.Equal(["coordinates"], Fields(points: [new(52.37, 4.88), new(52.37, 4.88)]));
    }

    [Theory]
    [InlineData(4.9, 2)]
    [InlineData(131, 2)]
    [InlineData(double.NaN, 2)]
    public void Free_flow_speed_is_between_walking_pace_and_motorway_speed(double speed, int lanes) =>
        Assert.Equal(["freeFlowSpeedKmh"], Fields(speed: speed, lanes: lanes));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Lanes_are_one_to_six(int lanes) => Assert.Equal(["lanes"], Fields(lanes: lanes));

    [Fact]
    public void A_given_length_within_a_fifth_of_the_geometry_is_accepted_beyond_it_refused()
    {
        var drawn = GeoMath.LengthMetres(Street);
        Assert.Empty(Fields(length: drawn * 1.19));
        Assert.Empty(Fields(length: drawn * 0.81));
        var refused = Assert.Single(RoadSegmentRules.Validate("seg-1", "ix-1", "ix-2", "centrum", Street, drawn * 1.25, 50, 2));
        Assert.Equal("lengthMetres", refused.Field);
        Assert.Contains("20%", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["lengthMetres"], Fields(length: -3));
    }
}
