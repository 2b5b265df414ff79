using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckRouteTests
{
    [Fact]
    public void A_truck_standing_at_its_depot_without_a_route_is_parked()
    {
        var state = new TruckState();
        var outcome = TruckRules.Apply(state, Truck, AtDepot(), T0);

        Assert.True(outcome.Accepted);
        Assert.Equal(ServiceStatus.Parked, state.ServiceStatus);
        Assert.Empty(outcome.Signals);
        Assert.Null(outcome.NextStopIndex);
    }

    [Fact]
    public void A_route_with_stops_left_puts_the_truck_on_route()
    {
        var state = OnRoute();

        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
        Assert.Equal("plan-7", state.Route!.PlanId);
        Assert.Equal(["bin-1", "bin-2", "bin-3"], state.Route.StopIds);
        Assert.Equal(T0, state.Route.AssignedAt);
    }

    [Fact]
    public void The_distance_to_the_next_stop_is_the_great_circle_distance()
    {
        var state = OnRoute();
        var outcome = TruckRules.Apply(state, Truck, AtDepot(), T0.AddMinutes(1));

        Assert.Equal(0, outcome.NextStopIndex);
        // 0.009° of latitude on the mean-radius sphere; the stop's float coordinates are good to about a metre.
        Assert.Equal(0.009 * Math.PI / 180 * GeoDistance.EarthRadiusMetres, outcome.DistanceToNextStopMetres!.Value, 0);
    }

    [Fact]
    public void A_collection_is_counted_once_however_often_it_is_reported()
    {
        var state = OnRoute();
        var lift = new CollectionEvent("c-1", "bin-1", 120);

        var first = TruckRules.Apply(state, Truck, Away(collection: lift), T0.AddMinutes(10));
        var again = TruckRules.Apply(state, Truck, Away(collection: lift), T0.AddMinutes(11));

        Assert.Equal(lift, first.Collected);
        Assert.Equal(0, first.CompletedStopIndex);
        Assert.Null(again.Collected);
        Assert.Null(again.CompletedStopIndex);
        Assert.Equal(120, state.CargoWeight);
        Assert.Equal(1, state.Route!.CompletedCount);
    }

    [Fact]
    public void A_second_lift_of_the_same_bin_adds_load_but_not_progress()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 120)), T0.AddMinutes(10));
        var second = TruckRules.Apply(state, Truck, Away(collection: new("c-2", "bin-1", 30)), T0.AddMinutes(12));

        Assert.NotNull(second.Collected);
        Assert.Null(second.CompletedStopIndex);
        Assert.Equal(150, state.CargoWeight);
        Assert.Equal(1, state.Route!.CompletedCount);
    }

    [Fact]
    public void A_bin_off_the_route_adds_load_only()
    {
        var state = OnRoute();
        var outcome = TruckRules.Apply(state, Truck, Away(collection: new("c-9", "bin-99", 80)), T0.AddMinutes(10));

        Assert.NotNull(outcome.Collected);
        Assert.Null(outcome.CompletedStopIndex);
        Assert.Equal(80, state.CargoWeight);
    }

    [Fact]
    public void Progress_counts_stops_in_any_order_and_the_next_stop_is_the_first_open_one()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 100)), T0.AddMinutes(10));
        var outcome = TruckRules.Apply(state, Truck, Away(collection: new("c-3", "bin-3", 100)), T0.AddMinutes(20));

        Assert.Equal(2, outcome.CompletedStopIndex);
        Assert.Equal(1, outcome.NextStopIndex);
        Assert.Equal(2, state.Route!.CompletedCount);
        Assert.Empty(outcome.Signals);
    }

    [Fact]
    public void Collecting_the_last_stop_completes_the_route_once()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 100)), T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(collection: new("c-2", "bin-2", 100)), T0.AddMinutes(20));
        var last = TruckRules.Apply(state, Truck, Away(collection: new("c-3", "bin-3", 100)), T0.AddMinutes(30));
        var after = TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(31));

        Assert.Equal([new TruckSignal(TruckSignal.RouteCompleted, Raised: true)], last.Signals);
        Assert.Null(last.NextStopIndex);
        Assert.Null(last.DistanceToNextStopMetres);
        Assert.Equal(T0.AddMinutes(30), state.Route!.CompletedAt);
        Assert.Empty(after.Signals);
    }

    [Fact]
    public void With_the_route_done_the_truck_is_on_route_while_driving_and_parked_at_the_depot()
    {
        var state = OnRoute();
        foreach (var (bin, minute) in new[] { ("bin-1", 10), ("bin-2", 20), ("bin-3", 30) })
            TruckRules.Apply(state, Truck, Away(collection: new("c-" + bin, bin, 100)), T0.AddMinutes(minute));

        Assert.Equal(ServiceStatus.Parked, state.ServiceStatus);
        TruckRules.Apply(state, Truck, Away(speed: 40), T0.AddMinutes(35));
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
        TruckRules.Apply(state, Truck, AtDepot(speed: 10), T0.AddMinutes(45));
        Assert.Equal(ServiceStatus.Parked, state.ServiceStatus);
    }

    [Fact]
    public void A_new_route_replaces_the_old_one_and_starts_from_zero()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 100)), T0.AddMinutes(10));

        TruckRules.AssignRoute(state, Truck, Route with { PlanId = "plan-8" }, T0.AddMinutes(15));

        Assert.Equal("plan-8", state.Route!.PlanId);
        Assert.Equal(0, state.Route.CompletedCount);
        Assert.Equal(0, state.Route.NextStopIndex());
    }

    [Fact]
    public void A_route_must_name_each_bin_once_with_a_real_position()
    {
        var state = new TruckState();
        var violations = TruckRules.AssignRoute(state, Truck, new RouteAssignment("plan-1",
        [
            new RouteStop("bin-1", 52.37, 4.90),
            new RouteStop("bin-1", 52.38, 4.90),
            new RouteStop("", 95, 4.90),
        ]), T0);

        Assert.Equal(["stops[1].binId", "stops[2].binId", "stops[2].latitude"], violations.Select(v => v.Field));
        Assert.Null(state.Route);
    }

    [Fact]
    public void A_route_needs_at_least_one_stop_and_no_more_than_a_shift_holds()
    {
        var tooLong = Enumerable.Range(0, TruckValidation.MaxRouteStops + 1)
            .Select(i => new RouteStop($"bin-{i}", 52.37, 4.90)).ToList();

        Assert.Equal("stops", Assert.Single(TruckValidation.Validate(new RouteAssignment("p", []))).Field);
        Assert.Equal("stops", Assert.Single(TruckValidation.Validate(new RouteAssignment("p", tooLong))).Field);
    }
}
