using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckLateReadingTests
{
    [Fact]
    public void A_late_lift_completes_its_stop_and_loads_its_weight_without_moving_the_truck()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(10));

        var outcome = TruckRules.ApplyLate(state, Truck, AtDepot() with { Collection = new("c-1", "bin-1", 120) }, T0.AddMinutes(11));

        Assert.Equal(new CollectionEvent("c-1", "bin-1", 120), outcome.Collected);
        Assert.Equal(0, outcome.CompletedStopIndex);
        Assert.Equal(1, outcome.NextStopIndex);
        Assert.Equal(120, state.CargoWeight);
        Assert.Equal((AwayLatitude, 30.0), (state.Latitude!.Value, state.Speed));
        Assert.Equal(T0.AddMinutes(10), state.LastReadingAt);
    }

    [Fact]
    public void A_late_report_of_a_lift_already_counted_changes_nothing()
    {
        var state = OnRoute();
        var lift = new CollectionEvent("c-1", "bin-1", 120);
        TruckRules.Apply(state, Truck, Away(collection: lift), T0.AddMinutes(10));

        var outcome = TruckRules.ApplyLate(state, Truck, Away(collection: lift), T0.AddMinutes(11));

        Assert.Null(outcome.Collected);
        Assert.Null(outcome.CompletedStopIndex);
        Assert.Equal(120, state.CargoWeight);
        Assert.Equal(1, state.Route!.CompletedCount);
    }

    [Fact]
    public void A_late_scale_reading_neither_replaces_the_load_nor_adds_its_lift()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(cargo: 3000), T0.AddMinutes(10));

        TruckRules.ApplyLate(state, Truck, Away(cargo: 2000, collection: new("c-1", "bin-1", 150)), T0.AddMinutes(11));

        Assert.Equal(3000, state.CargoWeight);
        Assert.Equal(1, state.Route!.CompletedCount);
    }

    [Fact]
    public void A_late_lift_of_the_last_stop_completes_the_route()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 100)), T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(collection: new("c-3", "bin-3", 100)), T0.AddMinutes(30));

        var outcome = TruckRules.ApplyLate(state, Truck, Away(collection: new("c-2", "bin-2", 100)), T0.AddMinutes(31));

        Assert.Equal([new TruckSignal(TruckSignal.RouteCompleted, Raised: true)], outcome.Signals);
        Assert.Equal(T0.AddMinutes(31), state.Route!.CompletedAt);
        Assert.Equal(ServiceStatus.Parked, state.ServiceStatus);
    }

    [Fact]
    public void A_late_reading_without_a_lift_changes_nothing()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30, cargo: 500), T0.AddMinutes(10));

        var outcome = TruckRules.ApplyLate(state, Truck, AtDepot(), T0.AddMinutes(11));

        Assert.True(outcome.Accepted);
        Assert.Null(outcome.Collected);
        Assert.Empty(outcome.Signals);
        Assert.Equal((AwayLatitude, 30.0, 500.0), (state.Latitude!.Value, state.Speed, state.CargoWeight));
    }

    [Fact]
    public void A_late_reading_that_breaks_a_rule_is_refused_and_changes_nothing()
    {
        var state = OnRoute();

        var outcome = TruckRules.ApplyLate(state, Truck, Away(collection: new("c-1", "bin-1", 99_999)), T0.AddMinutes(10));

        Assert.Equal("collection.weight", Assert.Single(outcome.Violations).Field);
        Assert.Equal(0, state.CargoWeight);
        Assert.Equal(0, state.Route!.CompletedCount);
    }
}
