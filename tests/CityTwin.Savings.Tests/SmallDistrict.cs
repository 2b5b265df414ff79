using CityTwin.Savings.District;

namespace CityTwin.Savings.Tests;

/// <summary>A district small enough for tests: few bins and lights, a short warm-up and week, short solver limits.</summary>
internal static class SmallDistrict
{
    public static DistrictSettings Settings { get; } = new()
    {
        Bins = 14,
        Lights = 40,
        Intersections = 6,
        WarmUpDays = 7,
        WeekDays = 3,
        PlanTimeLimit = TimeSpan.FromMilliseconds(300),
    };

    public static GeneratedDistrict Generate(int seed = 7) => GeneratedDistrict.Generate(seed, Settings);
}
