using CityTwin.Domain.Trucks;

namespace CityTwin.Domain.Tests.Trucks;

/// <summary>A depot in Amsterdam and a three-bin route about a kilometre north of it.</summary>
internal static class TruckFixture
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 2, 6, 0, 0, TimeSpan.Zero);

    public const double DepotLatitude = 52.3700, DepotLongitude = 4.9000;

    /// <summary>About 1 km north of the depot: well outside it.</summary>
    public const double AwayLatitude = 52.3790;

    public static readonly TruckParameters Truck = new()
    {
        CapacityKg = 10_000, DepotLatitude = DepotLatitude, DepotLongitude = DepotLongitude,
        DepotRadiusMetres = 200, BrokenAfterStationary = TimeSpan.FromMinutes(60),
    };

    public static readonly RouteAssignment Route = new("plan-7",
    [
        new RouteStop("bin-1", 52.3790, 4.9000),
        new RouteStop("bin-2", 52.3800, 4.9010),
        new RouteStop("bin-3", 52.3810, 4.9020),
    ]);

    public static TruckReading AtDepot(double speed = 0) => new(DepotLatitude, DepotLongitude, speed, 0);

    public static TruckReading Away(double speed = 0, CollectionEvent? collection = null, double? cargo = null) =>
        new(AwayLatitude, DepotLongitude, speed, 90, CargoWeight: cargo, Collection: collection);

    public static TruckState OnRoute()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, AtDepot(), T0);
        Assert.Empty(TruckRules.AssignRoute(state, Truck, Route, T0));
        return state;
    }
}
