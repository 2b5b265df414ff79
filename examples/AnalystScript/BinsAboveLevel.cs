using System.Globalization;
using CityTwin.Client;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Queries;

namespace CityTwin.Examples.AnalystScript;

/// <summary>
/// <c>AnalystScript --district centrum [--above 0.7] [--gateway 127.0.0.1:30000]</c>: the district's bins filled
/// above a level, fullest first, with when each is predicted to be full.
/// </summary>
public static class BinsAboveLevel
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var district = Option(args, "--district");
        if (district is null)
        {
            output.WriteLine("usage: AnalystScript --district ID [--above 0.7] [--gateway HOST:PORT]");
            return 2;
        }
        var above = double.Parse(Option(args, "--above") ?? "0.7", CultureInfo.InvariantCulture);
        var gateway = CityTwinClientOptions.ParseGateway(Option(args, "--gateway") ?? "127.0.0.1:30000");

        await using var city = await CityTwinQueryClient.ConnectAsync(new() { Gateways = [gateway] });
        var bins = new List<AssetListItem>();
        await foreach (var bin in city.ListAllAsync(new AssetQuery(Kind: AssetKind.Bin, DistrictId: district, FillAbove: above)))
            bins.Add(bin);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bins.Count} bins in {district} filled above {above:P0}"));
        output.WriteLine($"{"bin",-24} {"fill",6} {"predicted full (UTC)",-22} {"confidence",10} {"sensor",-8}");
        foreach (var bin in bins.OrderByDescending(b => b.FillingLevel))
        {
            var full = bin.PredictedFullAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
            var confidence = bin.PredictedFullConfidence is { } c ? c.ToString("P0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{bin.AssetId,-24} {bin.FillingLevel,6:P0} {full,-22} {confidence,10} {bin.SensorHealth,-8}"));
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
