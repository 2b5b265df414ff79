using CityTwin.Domain.Bins;

namespace CityTwin.Domain.Tests.Bins;

public class BinValidationTests
{
    private static readonly BinParameters Parameters = new() { BinCapacityLitres = 240, DepthCm = 100, MaxLoadKg = 60 };

    [Fact]
    public void Sensible_parameters_break_no_rule()
    {
        Assert.Empty(Parameters.Validate());
        Assert.Equal(0.8, new BinParameters().BinFullnessThreshold);
    }

    [Fact]
    public void Every_broken_parameter_is_reported()
    {
        var broken = new BinParameters
        {
            BinCapacityLitres = 0,
            BinFullnessThreshold = 1.2,
            DepthCm = 2,
            MaxLoadKg = -1,
            Latitude = 52.3,
        };
        Assert.Equal(["binCapacity", "binFullnessThreshold", "depthCm", "maxLoadKg", "longitude"],
            broken.Validate().Select(v => v.Field));
    }

    [Fact]
    public void A_complete_reading_breaks_no_rule() =>
        Assert.Empty(BinRules.Validate(new BinReading
        {
            DistanceCm = 105,
            CargoWeightKg = 30,
            TemperatureCelsius = -12,
            LidOpen = true,
            TiltDegrees = 5,
            CollectionId = "truck-7/2025-03-03/0815",
            Wet = true,
            HumidityPercent = 95,
            Latitude = 52.37,
            Longitude = 4.89,
        }, Parameters));

    [Theory]
    [InlineData(111.0, null, null, null, null, "distanceCm")]
    [InlineData(-1.0, null, null, null, null, "distanceCm")]
    [InlineData(null, 1.01, null, null, null, "fillingLevel")]
    [InlineData(null, -0.1, null, null, null, "fillingLevel")]
    [InlineData(null, null, -0.5, null, null, "cargoWeight")]
    [InlineData(null, null, 121.0, null, null, "cargoWeight")]
    [InlineData(null, null, null, 151.0, null, "temperature")]
    [InlineData(null, null, null, -41.0, null, "temperature")]
    [InlineData(null, null, null, null, 181.0, "tiltDegrees")]
    [InlineData(null, double.NaN, null, null, null, "fillingLevel")]
    public void Values_out_of_physical_range_are_refused(
        double? distance, double? level, double? weight, double? temperature, double? tilt, string field)
    {
        var reading = new BinReading
        {
            DistanceCm = distance,
            FillingLevel = level,
            CargoWeightKg = weight,
            TemperatureCelsius = temperature,
            TiltDegrees = tilt,
        };
        Assert.Equal(field, Assert.Single(BinRules.Validate(reading, Parameters)).Field);
    }

    [Fact]
    public void A_distance_cannot_be_read_without_a_provisioned_depth()
    {
        var violation = Assert.Single(BinRules.Validate(new BinReading { DistanceCm = 40 }, new BinParameters { BinCapacityLitres = 240 }));
        Assert.Equal("distanceCm", violation.Field);
        Assert.Contains("no provisioned depth", violation.Message);
    }

    [Fact]
    public void Location_and_collection_ids_must_make_sense() =>
        Assert.Equal(["longitude", "latitude", "collectionId"], BinRules.Validate(
            new BinReading { Latitude = 95, CollectionId = " " }, Parameters).Select(v => v.Field));

    [Theory]
    [InlineData(100, 0)]
    [InlineData(110, 0)]
    [InlineData(25, 0.75)]
    [InlineData(0, 1)]
    public void The_ultrasonic_distance_gives_the_level(double distance, double level) =>
        Assert.Equal(level, BinFill.FromDistance(distance, 100), 9);

    [Fact]
    public void Volume_is_preferred_and_weight_only_cross_checks_it()
    {
        var both = BinFill.Measure(new BinReading { DistanceCm = 60, CargoWeightKg = 6, FillingLevel = 0.9 }, Parameters)!.Value;
        Assert.Equal((0.4, FillSource.Ultrasonic), (Math.Round(both.Level, 9), both.Source));
        Assert.Equal(0.1, both.WeightLevel!.Value, 9);

        var reported = BinFill.Measure(new BinReading { FillingLevel = 0.9 }, Parameters)!.Value;
        Assert.Equal(FillSource.Reported, reported.Source);

        var weightOnly = BinFill.Measure(new BinReading { CargoWeightKg = 30 }, Parameters)!.Value;
        Assert.Equal((0.5, FillSource.Weight), (weightOnly.Level, weightOnly.Source));

        Assert.Null(BinFill.Measure(new BinReading { LidOpen = true }, Parameters));
    }

    [Theory]
    [InlineData(95, 40, true)]  // volume ~empty, weight two thirds of max: something blinds the sensor
    [InlineData(5, 0.5, true)]  // volume full, no weight at all: something sits on the sensor
    [InlineData(10, 8, false)]  // full of light packaging: plausible
    [InlineData(80, 20, false)] // a fifth full of glass: plausible
    public void Volume_and_weight_disagree_only_beyond_any_waste_density(double distance, double weight, bool disagree) =>
        Assert.Equal(disagree, BinFill.Disagree(
            BinFill.Measure(new BinReading { DistanceCm = distance, CargoWeightKg = weight }, Parameters)!.Value, BinRuleOptions.Default));
}
