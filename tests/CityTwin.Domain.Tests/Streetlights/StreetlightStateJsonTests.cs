using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Streetlights;

public class StreetlightStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly DateTimeOffset T0 = new(2025, 1, 15, 18, 0, 0, TimeSpan.Zero);
    private static readonly StreetlightParameters Lamp = new() { RatedPowerWatts = 150, StandbyPowerWatts = 0.5 };

    /// <summary>A night of readings with a full history, a pending command and a raised fault.</summary>
    private static StreetlightState BusyState()
    {
        var state = new StreetlightState();
        for (var i = 0; i < 3 * LightHistory.Capacity; i++)
        {
            var level = 0.3 + i % 7 / 10.0;
            StreetlightRules.Apply(state, Lamp,
                new(IlluminanceLevel: level, PowerConsumption: 12.345 + i, AmbientLux: 1.5, PresenceDetected: i % 2 == 0),
                T0.AddSeconds(917 * i));
        }
        StreetlightRules.RequestLevel(state, 0.35, T0.AddDays(1));
        return state;
    }

    [Fact]
    public void The_state_survives_a_round_trip()
    {
        var state = BusyState();
        var json = JsonSerializer.Serialize(state, Json);
        var copy = JsonSerializer.Deserialize<StreetlightState>(json, Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, Json));
        Assert.Equal(state.EnergyUsedKwh, copy.EnergyUsedKwh);
        Assert.Equal(state.History.Watts, copy.History.Watts);
        Assert.Equal(state.History.Start, copy.History.Start);
    }

    [Fact]
    public void Enumerations_are_written_with_their_fiware_names()
    {
        var state = new StreetlightState { Status = StreetlightStatus.DefectiveLamp, PowerState = PowerState.Low };
        var json = JsonSerializer.Serialize(state, Json);

        Assert.Contains("\"status\":\"defectiveLamp\"", json);
        Assert.Contains("\"powerState\":\"low\"", json);
    }

    [Fact]
    public void A_full_history_stays_under_two_kilobytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(BusyState(), Json);
        Assert.InRange(bytes.Length, 1, 2048);
    }

    [Fact]
    public void The_history_keeps_the_newest_readings_oldest_first()
    {
        var state = new StreetlightState();
        for (var i = 0; i < LightHistory.Capacity + 12; i++)
            StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 1, PowerConsumption: i), T0.AddMinutes(15 * i));

        var history = state.History;
        Assert.Equal(LightHistory.Capacity, history.Count);
        Assert.Equal(T0.AddMinutes(15 * 12), history.Start);
        Assert.Equal(0, history.Seconds[0]);
        Assert.Equal(900 * (LightHistory.Capacity - 1), history.Seconds[^1]);
        Assert.Equal(12f, history.Watts[0]);
        Assert.Equal(LightHistory.Capacity + 11f, history.Watts[^1]);
    }
}
