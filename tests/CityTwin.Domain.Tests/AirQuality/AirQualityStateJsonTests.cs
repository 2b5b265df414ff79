using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class AirQualityStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly AirQualityParameters Sensor = new()
    {
        MeasuredPollutants = [Pollutant.Pm25, Pollutant.Pm10, Pollutant.No2, Pollutant.O3],
    };

    /// <summary>Two days of readings every 5 minutes, with uneven values so the means have many digits.</summary>
    private static AirQualityState BusyState()
    {
        var state = new AirQualityState();
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 48 * 12; i++)
        {
            var wobble = i % 7 * 1.37;
            AirQualityRules.Apply(state, Sensor,
                new(Pm25: 58.3 + wobble, Pm10: 80.1 + wobble, No2: 41.7 + wobble, O3: 63.9 + wobble, Temperature: 11.3, RelativeHumidityPercent: 71),
                start.AddMinutes(5 * i));
        }
        AirQualityRules.ApplyDrift(state, Pollutant.No2, new DriftAssessment(23, 1.7321, 18.2, true, true));
        return state;
    }

    [Fact]
    public void The_state_survives_a_round_trip()
    {
        var state = BusyState();
        var json = JsonSerializer.Serialize(state, Json);
        var copy = JsonSerializer.Deserialize<AirQualityState>(json, Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, Json));
        Assert.Equal(state.O3Hourly.Means, copy.O3Hourly.Means);
        Assert.Equal(
            AirQualityRules.HourlyMeans(state, Pollutant.Pm10, state.NewestHour!.Value),
            AirQualityRules.HourlyMeans(copy, Pollutant.Pm10, copy.NewestHour!.Value));
        Assert.True(copy.PoorAirAlert);
        Assert.True(copy.No2Hourly.DriftSuspect);
    }

    [Fact]
    public void Levels_and_pollutants_are_written_with_their_fiware_names()
    {
        var json = JsonSerializer.Serialize(
            new AirQualityState { AirQualityLevel = AirQualityLevel.VeryPoor, DominantPollutant = Pollutant.Pm25 }, Json);

        Assert.Contains("\"airQualityLevel\":\"veryPoor\"", json);
        Assert.Contains("\"dominantPollutant\":\"pm25\"", json);
    }

    [Fact]
    public void A_full_day_of_hourly_means_stays_under_two_kilobytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(BusyState(), Json);
        Assert.InRange(bytes.Length, 1, 2048);
    }
}
