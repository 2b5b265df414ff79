using CityTwin.Domain.Inventory;

namespace CityTwin.Domain.Tests.Inventory;

public class KindParameterReaderTests
{
    private static KindParameterReader Reader(params (string Name, string Value)[] parameters) =>
        new(new InventoryRow(12, "bin-0042", "bin", "centrum", 52.37, 4.89, "dev-1", parameters.ToDictionary(p => p.Name, p => p.Value)));

    [Fact]
    public void A_negative_capacity_is_refused_in_words_an_operator_reads()
    {
        var reader = Reader(("binCapacity", "-5"));
        reader.PositiveNumber("binCapacity", "litres");
        Assert.Equal(new RowProblem(12, "bin-0042", "binCapacity", "-5 is not a positive number of litres"), Assert.Single(reader.Problems));
    }

    [Fact]
    public void Missing_required_values_and_non_numbers_are_reported()
    {
        var reader = Reader(("maxLoadKg", "12,5"));
        reader.PositiveNumber("depthCm", "centimetres");
        reader.PositiveNumber("maxLoadKg", "kilograms");
        Assert.Equal(["depthCm", "maxLoadKg"], reader.Problems.Select(p => p.Field));
        Assert.Equal("is required for a bin", reader.Problems[0].Message);
    }

    [Fact]
    public void Optional_values_take_their_default_when_absent_and_are_checked_when_given()
    {
        Assert.Equal(0.8, Reader().Fraction("binFullnessThreshold", 0.8));
        Assert.Equal(0.5, Reader().NonNegativeNumber("standbyPowerWatts", "watts", 0.5));
        var reader = Reader(("binFullnessThreshold", "80"), ("standbyPowerWatts", "-1"));
        reader.Fraction("binFullnessThreshold", 0.8);
        reader.NonNegativeNumber("standbyPowerWatts", "watts", 0.5);
        Assert.Equal(["binFullnessThreshold", "standbyPowerWatts"], reader.Problems.Select(p => p.Field));
    }

    [Fact]
    public void A_position_needs_both_columns_on_earth()
    {
        Assert.Equal(new GeoCoordinate(52.3, 4.8), Reader(("depotLatitude", "52.3"), ("depotLongitude", "4.8")).Position("depotLatitude", "depotLongitude"));
        var reader = Reader(("depotLatitude", "152.3"));
        reader.Position("depotLatitude", "depotLongitude");
        Assert.Equal(["depotLongitude", "depotLatitude"], reader.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Names_are_split_on_spaces_and_semicolons_lower_cased_and_kept_once()
    {
        Assert.Equal(["pm25", "no2", "o3"], Reader(("pollutants", "PM25; no2 o3;pm25")).Names("pollutants"));
        var reader = Reader(("pollutants", " ; "));
        Assert.Empty(reader.Names("pollutants"));
        Assert.Equal("pollutants", Assert.Single(reader.Problems).Field);
    }
}
