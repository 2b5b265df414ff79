using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckLoadTests
{
    [Fact]
    public void The_scale_reading_wins_over_the_collected_weight()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(cargo: 5000, collection: new("c-1", "bin-1", 200)), T0.AddMinutes(10));

        Assert.Equal(5000, state.CargoWeight);
    }

    [Fact]
    public void A_load_beyond_one_fifth_over_capacity_is_refused_as_a_scale_fault()
    {
        var state = OnRoute();
        var refused = TruckRules.Apply(state, Truck, Away(cargo: 12_001), T0.AddMinutes(10));
        var accepted = TruckRules.Apply(state, Truck, Away(cargo: 12_000), T0.AddMinutes(11));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal("cargoWeight", violation.Field);
        Assert.StartsWith("12001 is outside 0..12000 kg", violation.Message);
        Assert.True(accepted.Accepted);
        Assert.Equal(12_000, state.CargoWeight);
    }

    [Fact]
    public void The_load_signal_is_raised_at_ninety_percent_and_cleared_below_eighty_five()
    {
        var state = OnRoute();
        var raised = TruckRules.Apply(state, Truck, Away(cargo: 9000), T0.AddMinutes(10));
        var hovering = TruckRules.Apply(state, Truck, Away(cargo: 8600), T0.AddMinutes(11));
        var stillHigh = TruckRules.Apply(state, Truck, Away(cargo: 9100), T0.AddMinutes(12));
        var cleared = TruckRules.Apply(state, Truck, Away(cargo: 8400), T0.AddMinutes(13));

        Assert.Equal([new TruckSignal(TruckSignal.LoadHigh, Raised: true)], raised.Signals);
        Assert.Empty(hovering.Signals);
        Assert.Empty(stillHigh.Signals);
        Assert.Equal([new TruckSignal(TruckSignal.LoadHigh, Raised: false)], cleared.Signals);
    }

    [Fact]
    public void Collected_weights_add_up_to_the_load_signal_without_a_scale()
    {
        var state = OnRoute();
        state.CargoWeight = 8900;
        var outcome = TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 150)), T0.AddMinutes(10));

        Assert.Equal(9050, state.CargoWeight);
        Assert.Contains(new TruckSignal(TruckSignal.LoadHigh, Raised: true), outcome.Signals);
    }
}
