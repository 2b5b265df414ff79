namespace CityTwin.Simulator.City;

/// <summary>Real places a seed can put its city in, so that time zones and daylight are real too.</summary>
public static class CityCatalogue
{
    public sealed record Place(string Name, string Slug, string TimeZone, double Latitude, double Longitude);

    public static IReadOnlyList<Place> Places { get; } =
    [
        new("Amsterdam", "ams", "Europe/Amsterdam", 52.3702, 4.8952),
        new("Barcelona", "bcn", "Europe/Madrid", 41.3874, 2.1686),
        new("Lisbon", "lis", "Europe/Lisbon", 38.7223, -9.1393),
        new("Helsinki", "hel", "Europe/Helsinki", 60.1699, 24.9384),
        new("Chicago", "chi", "America/Chicago", 41.8781, -87.6298),
        new("Montreal", "mtl", "America/Toronto", 45.5019, -73.5674),
        new("Singapore", "sin", "Asia/Singapore", 1.3521, 103.8198),
        new("Melbourne", "mel", "Australia/Melbourne", -37.8136, 144.9631),
        new("Cape Town", "cpt", "Africa/Johannesburg", -33.9249, 18.4241),
        new("Bogota", "bog", "America/Bogota", 4.7110, -74.0721),
    ];

    public static IReadOnlyList<string> DistrictNames { get; } =
    [
        "centre", "north", "east", "south", "west", "harbour", "market", "riverside", "university", "old-town",
        "hills", "park", "station", "garden", "bridge", "mill", "castle", "lake", "forest", "airport",
    ];

    public static string DistrictName(int index) =>
        index < DistrictNames.Count ? DistrictNames[index] : $"district-{index + 1}";
}
