using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckValidationTests
{
    [Fact]
    public void Sound_parameters_break_no_rule() => Assert.Empty(TruckValidation.Validate(Truck));

    [Fact]
    public void Every_broken_parameter_rule_is_reported_at_once()
    {
        var violations = TruckValidation.Validate(new TruckParameters
        {
            CapacityKg = 50, DepotLatitude = 91, DepotLongitude = 4.9, DepotRadiusMetres = 1,
            BrokenAfterStationary = TimeSpan.FromMinutes(1),
        });

        Assert.Equal(["capacity", "depot.latitude", "depotRadius", "brokenAfterStationary"], violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(90.1, 4.9, 0, 0, "location.latitude")]
    [InlineData(52.37, -180.5, 0, 0, "location.longitude")]
    [InlineData(double.NaN, 4.9, 0, 0, "location.latitude")]
    [InlineData(0, 0, 0, 0, "location")]
    [InlineData(52.37, 4.9, -1, 0, "speed")]
    [InlineData(52.37, 4.9, 250, 0, "speed")]
    [InlineData(52.37, 4.9, 0, 360.5, "heading")]
    [InlineData(52.37, 4.9, 0, -1, "heading")]
    public void Impossible_positions_and_motions_are_refused(double latitude, double longitude, double speed, double heading, string field)
    {
        var violation = Assert.Single(TruckValidation.Validate(new TruckReading(latitude, longitude, speed, heading), Truck));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_heading_of_360_is_north()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, AtDepot() with { Heading = 360 }, T0);

        Assert.Equal(0, state.Heading);
    }

    [Fact]
    public void A_vehicle_cannot_declare_itself_out_of_service()
    {
        var violation = Assert.Single(TruckValidation.Validate(AtDepot() with { ServiceStatus = ServiceStatus.OutOfService }, Truck));
        Assert.Equal("serviceStatus", violation.Field);
    }

    [Fact]
    public void A_collection_needs_ids_and_a_weight_the_truck_can_lift()
    {
        var violations = TruckValidation.Validate(Away(collection: new CollectionEvent(" ", new string('b', 65), 10_001)), Truck);

        Assert.Equal(["collection.collectionId", "collection.binId", "collection.weight"], violations.Select(v => v.Field));
    }

    [Fact]
    public void A_refused_reading_leaves_the_state_untouched()
    {
        var state = OnRoute();
        var outcome = TruckRules.Apply(state, Truck, Away(speed: 300, collection: new("c-1", "bin-1", 100)), T0.AddMinutes(5));

        Assert.False(outcome.Accepted);
        Assert.Equal(DepotLatitude, state.Latitude);
        Assert.Equal(0, state.CargoWeight);
        Assert.Equal(0, state.Route!.CompletedCount);
        Assert.Equal(0, state.RecentCollections.Count);
    }
}
