using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckStatusTests
{
    [Fact]
    public void Standing_away_from_the_depot_with_stops_left_for_too_long_is_a_breakdown()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(9));
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(10));

        var justBefore = TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(69));
        var at = TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(70));

        Assert.Equal(ServiceStatus.Broken, state.ServiceStatus);
        Assert.Empty(justBefore.Signals);
        Assert.Equal([new TruckSignal(TruckSignal.Broken, Raised: true)], at.Signals);
        Assert.True(at.StatusChanged);
    }

    [Fact]
    public void Moving_again_clears_an_inferred_breakdown()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(9));
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(80));

        var moving = TruckRules.Apply(state, Truck, Away(speed: 20), T0.AddMinutes(81));

        Assert.Equal([new TruckSignal(TruckSignal.Broken, Raised: false)], moving.Signals);
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
    }

    [Fact]
    public void Standing_at_the_depot_is_never_a_breakdown()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, AtDepot(), T0.AddHours(3));

        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
    }

    [Fact]
    public void Standing_without_stops_left_is_parking_not_a_breakdown()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, Away(), T0);
        TruckRules.Apply(state, Truck, Away(), T0.AddHours(3));

        Assert.Equal(ServiceStatus.Parked, state.ServiceStatus);
    }

    [Fact]
    public void A_truck_that_stood_idle_before_its_route_gets_the_full_time_before_counting_as_broken()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, Away(), T0);
        TruckRules.AssignRoute(state, Truck, Route, T0.AddHours(2));
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);

        TruckRules.Apply(state, Truck, Away(), T0.AddHours(2).AddMinutes(59));
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
        TruckRules.Apply(state, Truck, Away(), T0.AddHours(3));
        Assert.Equal(ServiceStatus.Broken, state.ServiceStatus);
    }

    [Fact]
    public void A_truck_back_in_service_is_not_broken_for_the_time_it_stood_out_of_service()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(9));
        TruckRules.SetOutOfService(state, Truck, true, T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(11));

        var back = TruckRules.SetOutOfService(state, Truck, false, T0.AddHours(4));

        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
        Assert.Equal([new TruckSignal(TruckSignal.OutOfService, Raised: false)], back.Signals);
    }

    [Fact]
    public void A_lift_while_standing_restarts_the_breakdown_clock()
    {
        var state = OnRoute();
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(9));
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(collection: new("c-1", "bin-1", 500)), T0.AddMinutes(60));

        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(110));
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
        TruckRules.Apply(state, Truck, Away(), T0.AddMinutes(120));
        Assert.Equal(ServiceStatus.Broken, state.ServiceStatus);
    }

    [Fact]
    public void A_breakdown_the_vehicle_reports_lasts_until_it_reports_otherwise()
    {
        var state = OnRoute();
        var reported = TruckRules.Apply(state, Truck, Away(speed: 20) with { ServiceStatus = ServiceStatus.Broken }, T0.AddMinutes(10));
        TruckRules.Apply(state, Truck, Away(speed: 20), T0.AddMinutes(11));
        Assert.Equal(ServiceStatus.Broken, state.ServiceStatus);

        var repaired = TruckRules.Apply(state, Truck, Away(speed: 20) with { ServiceStatus = ServiceStatus.OnRoute }, T0.AddMinutes(40));

        Assert.Equal([new TruckSignal(TruckSignal.Broken, Raised: true)], reported.Signals);
        Assert.Equal([new TruckSignal(TruckSignal.Broken, Raised: false)], repaired.Signals);
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
    }

    [Fact]
    public void Out_of_service_is_an_operator_decision_that_readings_do_not_undo()
    {
        var state = OnRoute();
        var taken = TruckRules.SetOutOfService(state, Truck, true, T0.AddMinutes(5));
        TruckRules.Apply(state, Truck, Away(speed: 30), T0.AddMinutes(6));

        Assert.Equal([new TruckSignal(TruckSignal.OutOfService, Raised: true)], taken.Signals);
        Assert.Equal(ServiceStatus.OutOfService, state.ServiceStatus);
        Assert.Equal("serviceStatus", Assert.Single(TruckRules.AssignRoute(state, Truck, Route, T0.AddMinutes(7))).Field);

        var back = TruckRules.SetOutOfService(state, Truck, false, T0.AddMinutes(8));

        Assert.Equal([new TruckSignal(TruckSignal.OutOfService, Raised: false)], back.Signals);
        Assert.Equal(ServiceStatus.OnRoute, state.ServiceStatus);
    }

    [Fact]
    public void A_broken_truck_is_refused_a_route()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, AtDepot() with { ServiceStatus = ServiceStatus.Broken }, T0);

        var violation = Assert.Single(TruckRules.AssignRoute(state, Truck, Route, T0));
        Assert.Equal(new("serviceStatus", "a broken truck cannot take a route"), violation);
    }
}
