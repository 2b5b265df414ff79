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

    /// <summary>A history as rows written with float arrays hold it (any release before the 16-bit history).</summary>
    private const string FloatHistoryRow = """
        {"status":"ok","history":{"start":"2025-01-15T18:00:00+00:00","count":3,
         "seconds":[0,900,1800,0],"levels":[0.35,1,0.001,0],"watts":[12.3,4010,0.1,0]}}
        """;

    [Fact]
    public void A_history_stored_as_floats_reads_back_to_the_same_values_and_json()
    {
        var state = JsonSerializer.Deserialize<StreetlightState>(FloatHistoryRow, Json)!;
        var history = state.History;

        Assert.Equal(3, history.Count);
        Assert.Equal(T0.AddSeconds(1800), history.TimeOf(2));
        Assert.Equal([0.35, 1, 0.001], Enumerable.Range(0, 3).Select(history.LevelAt));
        Assert.Equal([12.3, 4010, 0.1], Enumerable.Range(0, 3).Select(history.WattsAt));
        var written = JsonSerializer.Serialize(state.History, Json);
        Assert.Contains("\"levels\":[0.35,1,0.001,0,", written);
        Assert.Contains("\"watts\":[12.3,4010,0.1,0,", written);
    }

    [Fact]
    public void The_history_keeps_the_resolution_it_always_had()
    {
        var history = new LightHistory();
        history.Add(T0, 0.12345, 37.26);
        history.Add(T0.AddMinutes(15), 1, 4010);

        Assert.Equal(0.123, history.LevelAt(0));
        Assert.Equal(37.3, history.WattsAt(0));
        Assert.Equal(1, history.LevelAt(1));
        Assert.Equal(4010, history.WattsAt(1));
    }
}
