using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class IntersectionJsonTests
{
    /// <summary>The persistence settings: web defaults (camelCase) with enums as strings.</summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A state as full as it gets for the test crossroads: every bucket learned, every history full.</summary>
    private static IntersectionState FullState()
    {
        var parameters = Crossroads.Parameters();
        var state = IntersectionRules.CreateState(parameters);
        var random = new Random(7);
        foreach (var approach in state.Approaches)
        {
            for (var bucket = 0; bucket < FlowProfile.Buckets; bucket++)
            {
                approach.Profile.Flow[bucket] = (ushort)random.Next(0, 10_001);
                approach.Profile.Hours[bucket] = (byte)random.Next(1, 256);
            }
        }

        for (var minute = 0; minute < 30; minute++)
        {
            var reading = new IntersectionReading(
                state.Approaches.Select(a => new ApproachReading(a.Id, random.Next(0, 10_001), random.NextDouble(), 200 * random.NextDouble(),
                    random.Next(0, 1_000), random.Next(2) == 0)).ToArray(),
                parameters.OutgoingSegments.Select(s => new TravelTimeSample(s.Id, random.Next(200, 3_600))).ToArray());
            IntersectionRules.Apply(parameters, state, reading, Start.AddMinutes(minute), Crossroads.Amsterdam);
        }

        return state;
    }

    [Fact]
    public void The_state_survives_a_json_round_trip()
    {
        var state = FullState();
        var json = JsonSerializer.Serialize(state, Options);

        var copy = JsonSerializer.Deserialize<IntersectionState>(json, Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, Options));
        Assert.Equal(state.Approaches[2].Profile.Flow, copy.Approaches[2].Profile.Flow);
        Assert.Equal(state.Approaches[3].Recent.At, copy.Approaches[3].Recent.At);
        Assert.Equal(state.Segments[1].Seconds, copy.Segments[1].Seconds);
        Assert.Equal(state.SignalPlan.Phases, copy.SignalPlan.Phases);
        Assert.Equal(state.Congested, copy.Congested);
    }

    [Fact]
    public void Levels_are_stored_as_names()
    {
        var json = JsonSerializer.Serialize(new IntersectionState { Congested = CongestionLevel.Gridlock }, Options);
        Assert.Contains("\"congested\":\"Gridlock\"", json);
    }

    [Fact]
    public void A_full_state_for_four_approaches_stays_under_6_kb()
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(FullState(), Options).Length;
        Assert.True(size < 6_000, $"{size} bytes");
    }

    [Fact]
    public void A_corrupt_profile_is_refused_rather_than_misread()
    {
        var json = JsonSerializer.Serialize(new FlowProfile(), Options);
        var corrupt = json.Replace(Convert.ToBase64String(new byte[2 * FlowProfile.Buckets]), Convert.ToBase64String(new byte[3]));

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FlowProfile>(corrupt, Options));
    }

    [Fact]
    public void Parameters_survive_a_json_round_trip_and_defaults_fill_missing_limits()
    {
        var parameters = Crossroads.Parameters(minCycle: 50);
        var copy = JsonSerializer.Deserialize<IntersectionParameters>(JsonSerializer.Serialize(parameters, Options), Options)!;

        Assert.Equal(parameters.Approaches, copy.Approaches);
        Assert.Equal(parameters.OutgoingSegments, copy.OutgoingSegments);
        Assert.Equal(50, copy.MinCycleSeconds);

        var minimal = JsonSerializer.Deserialize<IntersectionParameters>(
            """{"approaches":[{"id":"a","fromSegmentId":"s1","freeFlowSpeedKmh":50},{"id":"b","fromSegmentId":"s2","freeFlowSpeedKmh":50}],"outgoingSegments":[]}""",
            Options)!;
        Assert.Equal((40, 120, 7, 4), (minimal.MinCycleSeconds, minimal.MaxCycleSeconds, minimal.MinGreenSeconds, minimal.LostTimePerPhaseSeconds));
        Assert.Equal(1, minimal.Approaches[0].Lanes);
        Assert.Empty(IntersectionParametersRules.Validate(minimal));
    }
}
