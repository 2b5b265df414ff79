using System.Text.Json;
using CityTwin.Savings.Collection;

namespace CityTwin.Savings.Tests;

public class SensorDrivenCollectionTests
{
    [Fact]
    public async Task The_rules_state_is_a_function_of_readings_and_collection_reports_alone()
    {
        var district = SmallDistrict.Generate();
        var run = await SensorDrivenCollection.RunAsync(FixedSchedule.For(district), recordInputs: true);

        // Replay what the rules were told into fresh twins that never see the district or its true fill.
        var replayed = district.Bins.ToDictionary(b => b.Id, b => new BinTwin(b.Id, b.Parameters, district.Zone));
        foreach (var input in run.Inputs)
            replayed[input.BinId].Apply(input);

        Assert.NotEmpty(run.Inputs);
        Assert.All(run.Inputs.Where(i => i.Reading is not null), i =>
        {
            // A reading carries the ultrasonic distance only: no level, rate or anything the simulator knows.
            Assert.NotNull(i.Reading!.DistanceCm);
            Assert.Equal(new Domain.Bins.BinReading { DistanceCm = i.Reading.DistanceCm }, i.Reading);
        });
        foreach (var bin in district.Bins)
            Assert.Equal(JsonSerializer.Serialize(run.Twins[bin.Id].State), JsonSerializer.Serialize(replayed[bin.Id].State));
    }

    [Fact]
    public async Task Every_lift_is_reported_to_its_twin_and_the_rules_refuse_nothing()
    {
        var district = SmallDistrict.Generate();
        var run = await SensorDrivenCollection.RunAsync(FixedSchedule.For(district), recordInputs: true);

        Assert.Equal(0, run.RefusedInputs);
        var reportedInWeek = run.Inputs.Count(i => i.CollectionId is not null && i.At >= district.WeekStartsAt);
        Assert.Equal(run.Week.Lifts, reportedInWeek);
        Assert.Equal(run.Emptyings.Values.Sum(e => e.Count), run.Week.Lifts);
        // Learnt from readings: every twin has a long-run rate after a week of warm-up.
        Assert.All(run.Twins.Values, t => Assert.NotNull(t.State.BaseRatePerHour));
    }

    [Fact]
    public async Task A_seed_gives_the_same_week_every_time()
    {
        var first = await SavingsSimulation.RunSeedAsync(11, SmallDistrict.Settings);
        var second = await SavingsSimulation.RunSeedAsync(11, SmallDistrict.Settings);
        var other = await SavingsSimulation.RunSeedAsync(12, SmallDistrict.Settings);

        // Whether the solver's time limit stopped a search depends on the machine's load, not on the seed.
        Assert.Equal(first.Baseline with { RoundsHitTimeLimit = 0 }, second.Baseline with { RoundsHitTimeLimit = 0 });
        Assert.Equal(first.Sensor.Week with { RoundsHitTimeLimit = 0 }, second.Sensor.Week with { RoundsHitTimeLimit = 0 });
        Assert.Equal(first.Lighting, second.Lighting);
        Assert.NotEqual(first.Lighting, other.Lighting);
        Assert.NotEqual(first.Baseline.MeanTrueLevelAtEnd, other.Baseline.MeanTrueLevelAtEnd);
    }
}
