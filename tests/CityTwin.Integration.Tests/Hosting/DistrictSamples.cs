using CityTwin.Contracts.City;

namespace CityTwin.Integration.Tests.Hosting;

public static class DistrictSamples
{
    public static readonly District Centrum = new("centrum", "Centrum", "Europe/Amsterdam", 52.372, 4.893);
    public static readonly District Tromso = new("tromso-sentrum", "Tromsø sentrum", "Europe/Oslo", 69.649, 18.955);

    public static District Numbered(int i) => new($"d-{i:D4}", $"District {i}", "Europe/Berlin", 52.5 + i / 10_000.0, 13.4);
}
