using CityTwin.Domain.Collection;

namespace CityTwin.Domain.Tests.Collection;

public class CollectionCostTests
{
    [Fact]
    public void Cost_adds_distance_truck_time_and_lifts_at_the_model_s_rates()
    {
        var model = new CollectionCostModel { PerKm = 2m, PerTruckHour = 50m, PerLift = 0.5m };

        var cost = model.Cost(kilometres: 40, truckHours: 6.5, lifts: 120);

        Assert.Equal(new CollectionCost(80m, 325m, 60m), cost);
        Assert.Equal(465m, cost.Total);
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var model = new CollectionCostModel();

        Assert.Equal((1.30m, 75m, 0.40m, "EUR"), (model.PerKm, model.PerTruckHour, model.PerLift, model.Currency));
        Assert.Empty(model.Validate());
    }

    [Fact]
    public void Negative_quantities_and_rates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollectionCostModel().Cost(-1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollectionCostModel().Cost(1, double.NaN, 1));
        Assert.Equal(["perLift"], new CollectionCostModel { PerLift = -0.1m }.Validate().Select(v => v.Field));
    }

    [Theory]
    [InlineData(0.8 / 24 / 4, 0.8, 4)]   // exactly four days to the threshold
    [InlineData(0.8 / 24 / 3.7, 0.8, 3)] // 3.7 days: every third day, before it is full
    [InlineData(0.8 / 24 / 0.5, 0.8, 1)] // fuller than the threshold within a day: still every day
    [InlineData(0.01 / 24, 0.8, 28)]     // 80 days: capped at the longest round
    [InlineData(0, 0.8, 28)]
    public void The_baseline_interval_is_the_whole_days_to_the_threshold_at_least_one(double ratePerHour, double threshold, int expected)
    {
        Assert.Equal(expected, FixedFrequencyBaseline.IntervalDays(ratePerHour, threshold));
    }

    [Fact]
    public void A_baseline_bin_is_due_every_k_days_from_its_first_collection()
    {
        var first = new DateOnly(2025, 3, 3);

        var due = Enumerable.Range(-3, 12).Select(first.AddDays).Where(d => FixedFrequencyBaseline.IsDue(first, 3, d));

        Assert.Equal([first, first.AddDays(3), first.AddDays(6)], due);
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedFrequencyBaseline.IntervalDays(-1, 0.8));
    }
}
