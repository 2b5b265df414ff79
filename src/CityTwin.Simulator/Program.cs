using CityTwin.Simulator.Cli;

namespace CityTwin.Simulator;

/// <summary>The simulator's command line: generate a city, provision it into a host, drive it against a broker.</summary>
public static class Program
{
    public const int UsageError = 2;
    public const int Refused = 3;

    public const string Usage = """
        CityTwin simulator: a city from a seed, driven over MQTT.

        Usage:
          CityTwin.Simulator generate --out city.geojson [--csv assets.csv] [CITY]
              write the city's inventory (road network and assets) for `CityTwin.Host import`
          CityTwin.Simulator provision --credentials FILE [--gateway HOST:PORT] [CITY]
              put the city into a running host (districts, gateways, inventory) and write a
              credential for every device and gateway to FILE (ID<TAB>SECRET; rotated on a second run)
          CityTwin.Simulator run --credentials FILE [--broker HOST:PORT] [--tls] [--qos 0|1]
                                 [--rate N|max] [--duration 60s] [CITY]
              drive the devices and gateways: live progress, then a summary (exit 3 when readings were refused)

        CITY (the same for all three): --seed N (1), --assets N (3000), --districts N (1), --gateway-share F (0.9)
        run also takes: --device-rate N (90 msg/s a device), --gateway-rate N (1800), --reboots-per-day F (0.2),
          --connect-concurrency N (32), --progress-every 2s. --rate max publishes again as soon as the
          previous message is acknowledged, within those per-client rates (the host's limits).
        """;

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return args.FirstOrDefault() switch
            {
                "generate" => await GenerateCommand.RunAsync(args[1..], Console.Out),
                "provision" => await ProvisionCommand.RunAsync(args[1..], Console.Out),
                "run" => await RunCommand.RunAsync(args[1..], Console.Out, cancel.Token),
                "help" or "--help" or "-h" => PrintUsage(Console.Out),
                _ => throw new UsageException(args.FirstOrDefault() ?? "command", "use generate, provision or run (see --help)"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"CityTwin simulator: {e.Message}");
            return UsageError;
        }
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
