using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class IntersectionReadingValidationTests
{
    private readonly IntersectionParameters _parameters = Crossroads.Parameters();

    [Fact]
    public void A_complete_reading_breaks_no_rule() =>
        Assert.Empty(IntersectionRules.Validate(_parameters, Crossroads.AllCalm() with { TravelTimes = [new("seg-n-out", 40)] }));

    [Fact]
    public void A_reading_may_leave_out_approaches_whose_detector_failed() =>
        Assert.Empty(IntersectionRules.Validate(_parameters, new([Crossroads.Calm("east")])));

    [Fact]
    public void Violations_name_the_approach_index_the_value_and_the_range()
    {
        var reading = new IntersectionReading(
        [
            Crossroads.Calm("north"),
            Crossroads.Calm("east"),
            Crossroads.Calm("south") with { Occupancy = 1.5 },
        ]);

        var violation = Assert.Single(IntersectionRules.Validate(_parameters, reading));

        Assert.Equal("approaches[2].occupancy", violation.Field);
        Assert.Equal("1.5 is outside 0..1", violation.Message);
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var reading = new IntersectionReading(
            [
                Crossroads.Calm("north") with { Intensity = 12_000 },
                Crossroads.Calm("east") with { AverageVehicleSpeed = 250 },
                Crossroads.Calm("south") with { QueueLength = -1 },
                Crossroads.Calm("west") with { Intensity = double.NaN },
                Crossroads.Calm("north"),
                Crossroads.Calm("centre"),
            ],
            [new("seg-x", 40), new("seg-n-out", 0)]);

        Assert.Equal(
            [
                "approaches[0].intensity", "approaches[1].averageVehicleSpeed", "approaches[2].queueLength",
                "approaches[3].intensity", "approaches[4].approachId", "approaches[5].approachId",
                "travelTimes[0].segmentId", "travelTimes[1].seconds",
            ],
            IntersectionRules.Validate(_parameters, reading).Select(v => v.Field));
    }

    [Fact]
    public void An_unknown_approach_is_named_with_the_known_ones()
    {
        var violation = Assert.Single(IntersectionRules.Validate(_parameters, new([Crossroads.Calm("centre")])));
        Assert.Equal("'centre' is not an approach of this intersection (north, east, south, west)", violation.Message);
    }

    [Fact]
    public void A_reading_without_approaches_is_refused() =>
        Assert.Equal("approaches", Assert.Single(IntersectionRules.Validate(_parameters, new([]))).Field);

    [Fact]
    public void A_travel_time_faster_than_any_car_is_refused()
    {
        // 400 m in 5 s would be 288 km/h.
        var violation = Assert.Single(IntersectionRules.Validate(_parameters, Crossroads.AllCalm() with { TravelTimes = [new("seg-n-out", 5)] }));

        Assert.Equal("travelTimes[0].seconds", violation.Field);
        Assert.Contains("at least 8 s", violation.Message);
    }

    [Fact]
    public void Travel_time_samples_per_reading_are_bounded()
    {
        var many = Enumerable.Range(0, IntersectionRules.MaxTravelTimeSamples + 1).Select(_ => new TravelTimeSample("seg-n-out", 40)).ToArray();
        Assert.Equal("travelTimes", Assert.Single(IntersectionRules.Validate(_parameters, Crossroads.AllCalm() with { TravelTimes = many })).Field);
    }

    [Fact]
    public void Applying_an_invalid_reading_throws_rather_than_corrupting_the_state()
    {
        var state = IntersectionRules.CreateState(_parameters);
        var reading = new IntersectionReading([Crossroads.Calm("north") with { Occupancy = -0.1 }]);

        var error = Assert.Throws<ArgumentException>(() =>
            IntersectionRules.Apply(_parameters, state, reading, DateTimeOffset.UnixEpoch, Crossroads.Amsterdam));

        Assert.Contains("approaches[0].occupancy", error.Message);
        Assert.Equal(0, state.Approaches[0].Occupancy);
    }
}
