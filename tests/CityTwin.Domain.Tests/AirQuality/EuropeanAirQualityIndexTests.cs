using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class EuropeanAirQualityIndexTests
{
    public static TheoryData<Pollutant, double, AirQualityLevel> Boundaries()
    {
        var data = new TheoryData<Pollutant, double, AirQualityLevel>();
        var published = new Dictionary<Pollutant, double[]>
        {
            [Pollutant.Pm25] = [5, 15, 50, 90, 140],
            [Pollutant.Pm10] = [15, 45, 120, 195, 270],
            [Pollutant.No2] = [10, 25, 60, 100, 150],
            [Pollutant.O3] = [60, 100, 120, 160, 180],
        };
        foreach (var (pollutant, bounds) in published)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                data.Add(pollutant, bounds[i], AirQualityLevel.Good + i);
                data.Add(pollutant, bounds[i] + 0.01, AirQualityLevel.Good + i + 1);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_value_on_a_published_bound_belongs_to_the_lower_level(Pollutant pollutant, double concentration, AirQualityLevel expected) =>
        Assert.Equal(expected, EuropeanAirQualityIndex.LevelOf(pollutant, concentration));

    [Theory]
    [InlineData(Pollutant.Pm25)]
    [InlineData(Pollutant.Pm10)]
    [InlineData(Pollutant.No2)]
    [InlineData(Pollutant.O3)]
    public void Clean_air_is_good_and_the_scale_ends_at_extremely_poor(Pollutant pollutant)
    {
        Assert.Equal(AirQualityLevel.Good, EuropeanAirQualityIndex.LevelOf(pollutant, 0));
        Assert.Equal(AirQualityLevel.ExtremelyPoor, EuropeanAirQualityIndex.LevelOf(pollutant, 1000));
    }
}
