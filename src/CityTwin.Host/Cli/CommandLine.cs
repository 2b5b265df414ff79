using System.Net.Sockets;
using CityTwin.Host.Configuration;
using CityTwin.Host.Hosting;

namespace CityTwin.Host.Cli;

/// <summary>
/// The entry point: runs the host, or one job and exits. Failures a user can fix are printed as one
/// line naming what to change (exit code 2), never as a stack trace.
/// </summary>
public static class CommandLine
{
    public const int ConfigurationError = 2;

    public const string Usage = """
        CityTwin: a digital twin of a city's assets.

        Usage:
          CityTwin.Host [--Setting:Name=value ...]        run the host (silo, HTTP API, health, metrics)
          CityTwin.Host --demo [--demo-assets N] [--demo-seed N] [--demo-time-factor F] [--demo-districts N]
                        [--demo-start HH:mm] [--demo-data DIR]
                                                         the host plus a simulated city it provisions and drives
                                                         (its own data directory, emptied at every start)
          CityTwin.Host schema apply --connection "CS"   apply the PostgreSQL schema (idempotent)
          CityTwin.Host backup --to FILE                 online backup of the embedded SQLite database
          CityTwin.Host import --file PATH [--format csv|geojson]
                                                         import a city's inventory into the running host
                                                         (exit 0: all rows used, 3: some rejected)
          CityTwin.Host district set --id ID --name NAME --time-zone ZONE --latitude LAT --longitude LON
          CityTwin.Host district list                    the running host's city directory
          CityTwin.Host device issue|rotate|revoke|show --id ID
                                                         a device's MQTT credential (the secret is printed once)
          CityTwin.Host device gateway --id ID --district DISTRICT
                                                         make ID a gateway; assets provisioned with it are its own
          CityTwin.Host api-key create --role admin|operator|analyst|public [--name NAME]
                                                         a new API key (printed once) and the configuration
                                                         lines (Api:Keys:NAME:Role, Api:Keys:NAME:Hash) to add

        Settings (appsettings.json beside the executable, environment as Storage__Provider, or
        the command line): Storage:Provider (Sqlite|PostgreSql), Storage:DataDirectory,
        Storage:ConnectionString, Clustering:Provider (Localhost|PostgreSql), Clustering:SiloPort,
        Clustering:GatewayPort, Clustering:AdvertisedAddress, Http:Url, Mqtt:Mode (Embedded|External|Off),
        Mqtt:Port, Mqtt:BindAddress, Mqtt:TlsPort, Mqtt:TlsCertificate, Mqtt:TlsKey, Mqtt:MaxPacketBytes,
        Mqtt:MaxConnections, Mqtt:MessagesPerSecond, Mqtt:External:Host, Mqtt:External:Port,
        Mqtt:External:UseTls, Mqtt:External:AdminPassword, Mqtt:External:HostPassword, Mqtt:External:ClientId,
        Devices:CredentialKey, Api:KeyHashSecret, Api:Keys:NAME:Role, Api:Keys:NAME:Hash,
        Api:CookieSecureAlways, Api:Authentication:BearerScheme. See README.md.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "schema" => await SchemaCommand.RunAsync(args[1..], Console.Out),
                "backup" => await BackupCommand.RunAsync(args[1..], Console.Out),
                "import" => await ImportCommand.RunAsync(args[1..], Console.Out),
                "district" => await DistrictCommand.RunAsync(args[1..], Console.Out),
                "device" => await DeviceCommand.RunAsync(args[1..], Console.Out),
                "api-key" => await ApiKeyCommand.RunAsync(args[1..], Console.Out),
                "help" or "--help" or "-h" => PrintUsage(),
                _ => await RunHostAsync(args),
            };
        }
        catch (ConfigurationException e)
        {
            return args.FirstOrDefault() is "schema" or "backup" or "import" or "district" or "device" or "api-key"
                ? Fail($"CityTwin {args[0]}", e.Message)
                : Fail(e.Message);
        }
    }

    private static async Task<int> RunHostAsync(string[] args)
    {
        var app = Demo.DemoOptions.IsRequested(args) ? await Demo.DemoMode.CreateHostAsync(args) : await CityTwinHost.CreateAsync(args);
        var settings = app.Services.GetRequiredService<CityTwinSettings>();
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            return Fail($"Http:Url: cannot listen on {settings.Http.Url}: {e.Message}");
        }
        catch (Exception e) when (FindSocketError(e) is { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            return Fail($"Clustering:SiloPort / Clustering:GatewayPort: port {settings.Clustering.SiloPort} or {settings.Clustering.GatewayPort} is already in use by another process");
        }
    }

    private static SocketException? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket) return socket;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(FindSocketError).FirstOrDefault(s => s is not null);
        }
        return null;
    }

    private static int PrintUsage()
    {
        Console.Out.WriteLine(Usage);
        return 0;
    }

    private static int Fail(string message) => Fail("CityTwin cannot start", message);

    private static int Fail(string what, string message)
    {
        Console.Error.WriteLine($"{what}: {message}");
        return ConfigurationError;
    }
}
