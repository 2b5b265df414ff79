using System.Globalization;
using CityTwin.Contracts.City;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>
/// <c>district set --id ID --name NAME --time-zone ZONE --latitude LAT --longitude LON</c> adds or
/// replaces a district of the running host's city directory; <c>district list</c> prints them. Assets
/// can only be provisioned (or imported) into districts that exist. Exit code 3 when the district is refused.
/// </summary>
public static class DistrictCommand
{
    public const int Refused = 3;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var settings = SettingsReader.Read(HostConfiguration.Build(args), Environment.CurrentDirectory);
        switch (args.FirstOrDefault())
        {
            case "set":
                var district = new District(
                    Required(args, "--id"),
                    Required(args, "--name"),
                    Required(args, "--time-zone"),
                    Coordinate(args, "--latitude"),
                    Coordinate(args, "--longitude"));
                var result = await HostClient.CallAsync(settings, CallTimeout,
                    client => client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).UpsertDistrict(district));
                if (result.Accepted)
                {
                    output.WriteLine($"District '{district.Id}' saved.");
                    return 0;
                }
                foreach (var error in result.Errors)
                    output.WriteLine($"{error.Field}: {error.Message}");
                return Refused;
            case "list":
                var districts = await HostClient.CallAsync(settings, CallTimeout,
                    client => client.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts());
                foreach (var d in districts)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Id}\t{d.Name}\t{d.TimeZone}\t{d.CentreLatitude}\t{d.CentreLongitude}"));
                return 0;
            default:
                throw new ConfigurationException("district", "use 'district set --id ID --name NAME --time-zone ZONE --latitude LAT --longitude LON' or 'district list'");
        }
    }

    private static string Required(string[] args, string option) =>
        CommandOptions.Value(args, option) ?? throw new ConfigurationException(option, "is required");

    private static double Coordinate(string[] args, string option) =>
        double.TryParse(Required(args, option), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException(option, $"'{CommandOptions.Value(args, option)}' is not a number");
}
