using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;

namespace CityTwin.Grains.Tests.Trucks;

/// <summary>A 10 t truck with its depot in Centrum, driving about a kilometre north of it.</summary>
internal static class TruckSamples
{
    public const double CapacityKg = 10_000;

    public static readonly GeoPoint Depot = new(52.3700, 4.9000);

    public static readonly GeoPoint Away = new(52.3790, 4.9000);

    public static string NewId() => $"truck-{Guid.NewGuid():N}"[..20];

    public static AssetProvision Provision(string id, TruckSpec? spec = null) =>
        new(id, AssetKind.Truck, "centrum", Depot, "tracker-1", spec ?? new TruckSpec(CapacityKg, Depot));

    public static DeviceStamp Stamp(long sequence) => new(DateTimeOffset.UtcNow, 1, sequence);

    public static TruckTelemetry Driving(double speed = 30, double? cargo = null, TruckCollection? lift = null) =>
        new(Away, speed, 90, cargo, Collection: lift);

    /// <summary>Two bins, the first where the truck drives, the second about 130 m further.</summary>
    public static RouteAssignmentContract Route(string planId = "plan-7") =>
        new(planId, [new("bin-a", Away), new("bin-b", new GeoPoint(52.3800, 4.9010))]);
}
