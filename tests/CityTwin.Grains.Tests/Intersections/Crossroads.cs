using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Grains.Tests.Intersections;

/// <summary>A two-approach crossroads (one phase each) with one 500 m segment to a neighbour at 50 km/h: 36 s at free flow.</summary>
public static class Crossroads
{
    public const double FreeFlowSecondsOut = 36;

    public static string NewId() => $"junction-{Guid.NewGuid():N}"[..24];

    public static IntersectionSpec Spec(string neighbourId = "junction-next") => new(
        [new ApproachSpec("north", "seg-north", 50, 1, null, 0), new ApproachSpec("east", "seg-east", 50, 1, null, 1)],
        [new OutgoingSegmentSpec("seg-out", neighbourId, 500, 50)]);

    public static AssetProvision Provision(string id, IntersectionSpec? spec = null) =>
        new(id, AssetKind.Intersection, "centrum", new GeoPoint(52.37, 4.89), "controller-1", spec ?? Spec());

    public static DeviceStamp Stamp(long sequence) => new(DateTimeOffset.UtcNow, 1, sequence);

    /// <summary>Free-flowing traffic on one approach: low occupancy, near free-flow speed.</summary>
    public static IntersectionTelemetry Free(string approach = "north", double intensity = 100, bool incident = false) =>
        new([new ApproachTelemetry(approach, intensity, 0.05, 45, 0, incident)]);

    /// <summary>A standing queue: the detector occupied most of the time, vehicles crawling.</summary>
    public static IntersectionTelemetry Gridlocked(string approach = "north", double intensity = 100) =>
        new([new ApproachTelemetry(approach, intensity, 0.7, 5, 40)]);
}
