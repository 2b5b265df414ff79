using System.Text.Json;
using CityTwin.Domain.Bins;
using CityTwin.Domain.Tests.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinStateJsonTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    /// <summary>A bin that has been through a lot: full histories, a learnt profile, collections, faults.</summary>
    private static BinTwin Busy()
    {
        var bin = new BinTwin { Parameters = new BinParameters { BinCapacityLitres = 240, DepthCm = 100, MaxLoadKg = 60, Latitude = 52.37, Longitude = 4.89 } };
        var at = T0;
        for (var cycle = 0; cycle < 4; cycle++)
        {
            for (var i = 0; i < 70; i++, at = at.AddMinutes(15))
            {
                bin.Read(at, new BinReading
                {
                    DistanceCm = Math.Round(97 - 1.0 * i + (i % 7 == 0 ? 0.6 : 0), 1),
                    CargoWeightKg = Math.Round(2 + 0.4 * i, 1),
                    TemperatureCelsius = Math.Round(12.3 + 0.1 * (i % 9), 1),
                    LidOpen = i % 5 == 0,
                    TiltDegrees = 2.5,
                    HumidityPercent = 80,
                    Latitude = 52.3701,
                    Longitude = 4.8901,
                });
            }

            bin.Collect($"3f0c1c7e-8a5d-4b8e-9f39-{cycle:000000000000}", at.AddMinutes(-5));
            bin.Collect($"3f0c1c7e-8a5d-4b8e-9f39-{cycle:000000000000}", at.AddMinutes(-4));
        }

        for (var i = 0; i < 70; i++, at = at.AddMinutes(15))
            bin.Level(at, Math.Round(0.03 + 0.011 * i + (i % 3 == 0 ? 0.004 : 0), 3), weightKg: Math.Round(2 + 0.4 * i, 1));
        return bin;
    }

    [Fact]
    public void The_state_survives_a_json_round_trip()
    {
        var bin = Busy();
        var json = JsonSerializer.Serialize(bin.State, StateJson.Options);
        var back = JsonSerializer.Deserialize<BinState>(json, StateJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, StateJson.Options));
        Assert.Equal(bin.State.Levels.Samples(), back.Levels.Samples());
        Assert.Equal(bin.State.PredictedFullAt, back.PredictedFullAt);
        Assert.Equal(bin.State.PredictedFullConfidence, back.PredictedFullConfidence);
        Assert.Equal(bin.State.Profile.WeightOf(42), back.Profile.WeightOf(42));

        // The round-tripped state carries on exactly as the original.
        var next = T0.AddDays(30);
        var original = BinRules.Apply(bin.State, bin.Parameters, new(next, bin.Epoch, bin.Sequence + 1), new BinReading { DistanceCm = 5 }, next, BinTwin.Amsterdam);
        var copy = BinRules.Apply(back, bin.Parameters, new(next, bin.Epoch, bin.Sequence + 1), new BinReading { DistanceCm = 5 }, next, BinTwin.Amsterdam);
        Assert.Equal(original.Signals, copy.Signals);
        Assert.Equal(JsonSerializer.Serialize(bin.State, StateJson.Options), JsonSerializer.Serialize(back, StateJson.Options));
    }

    [Fact]
    public void A_bin_with_full_histories_stays_under_two_kilobytes_of_json()
    {
        var bin = Busy();
        Assert.Equal(bin.State.Levels.Capacity, bin.State.Levels.Count);
        Assert.Equal(BinState.TemperatureHistory, bin.State.Temperatures.Count);
        Assert.NotNull(bin.State.Profile.Weights);
        Assert.Equal(BinRules.RememberedCollections, bin.State.RecentCollections.Length);
        Assert.Equal(4, bin.State.Collections);

        var json = JsonSerializer.Serialize(bin.State, StateJson.Options);
        Assert.True(json.Length < 2048, $"{json.Length} characters: {json}");
    }

    [Fact]
    public void Enums_are_stored_by_name_and_a_new_bin_is_small()
    {
        var json = JsonSerializer.Serialize(new BinState(), StateJson.Options);
        Assert.Contains("\"status\":\"Unknown\"", json);
        Assert.Contains("\"health\":\"Ok\"", json);
        Assert.True(json.Length < 1200, $"{json.Length} characters: {json}");
    }

    [Fact]
    public void Older_rows_without_newer_members_still_load()
    {
        var back = JsonSerializer.Deserialize<BinState>("""{"fillingLevel":0.4,"status":"LidOpen","someRetiredMember":1}""", StateJson.Options)!;
        Assert.Equal(0.4, back.FillingLevel);
        Assert.Equal(BinStatus.LidOpen, back.Status);
        Assert.Equal(48, back.Levels.Capacity);
        Assert.NotNull(back.Sensor);
    }
}
