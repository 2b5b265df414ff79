using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

/// <summary>A four-arm test intersection: north/south share phase 0, east/west phase 1; two lanes each (3600 veh/h).</summary>
internal static class Crossroads
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static IntersectionParameters Parameters(
        int minCycle = 40, int maxCycle = 120, int minGreen = 7, int lostTime = 4, bool phasesPerApproach = false) =>
        new(
            [
                new("north", "seg-n-in", 50, Lanes: 2, Phase: phasesPerApproach ? null : 0),
                new("east", "seg-e-in", 50, Lanes: 2, Phase: phasesPerApproach ? null : 1),
                new("south", "seg-s-in", 50, Lanes: 2, Phase: phasesPerApproach ? null : 0),
                new("west", "seg-w-in", 50, Lanes: 2, Phase: phasesPerApproach ? null : 1),
            ],
            [
                new("seg-n-out", "int-north", 400, 48),
                new("seg-e-out", "int-east", 600, 50),
                new("seg-s-out", "int-south", 300, 50),
                new("seg-w-out", "int-west", 800, 50),
            ],
            minCycle, maxCycle, minGreen, lostTime);

    public static ApproachReading Calm(string approachId, double intensity = 300) =>
        new(approachId, intensity, Occupancy: 0.05, AverageVehicleSpeed: 45, QueueLength: 1);

    public static ApproachReading Occupied(string approachId, double occupancy) =>
        new(approachId, 300, occupancy, AverageVehicleSpeed: 45, QueueLength: 5);

    public static IntersectionReading AllCalm(double intensity = 300) =>
        new([Calm("north", intensity), Calm("east", intensity), Calm("south", intensity), Calm("west", intensity)]);
}
