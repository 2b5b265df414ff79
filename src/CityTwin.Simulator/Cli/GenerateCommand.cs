using CityTwin.Simulator.City;
using CityTwin.Simulator.Inventory;

namespace CityTwin.Simulator.Cli;

/// <summary><c>generate --out city.geojson [--csv assets.csv]</c>: writes the city's inventory for <c>CityTwin.Host import</c>.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, [.. Arguments.CityOptionNames, "--out", "--csv"], []);
        var city = CityGenerator.Generate(arguments.City());
        var path = arguments.Required("--out");
        await File.WriteAllTextAsync(path, InventoryWriter.ToGeoJson(city));
        if (arguments.Text("--csv") is { } csv)
            await File.WriteAllTextAsync(csv, InventoryWriter.ToCsv(city));
        output.WriteLine(Describe(city));
        foreach (var district in city.Districts)
            output.WriteLine($"  district {district.Id}\t{district.Name}\t{district.TimeZone}\t{district.Latitude}\t{district.Longitude}");
        output.WriteLine($"Wrote {path}{(arguments.Text("--csv") is { } c ? $" and {c}" : "")}.");
        return 0;
    }

    public static string Describe(SimulatedCity city) =>
        $"{city.Name} (seed {city.Seed}): {city.Assets.Count} assets in {city.Districts.Count} district(s) " +
        $"({string.Join(", ", Enum.GetValues<AssetKind>().Select(k => $"{city.Count(k)} {k.Segment()}"))}), " +
        $"{city.Segments.Count} road segments, {city.Gateways.Count} gateways, {city.DeviceIds.Count()} MQTT identities.";
}
