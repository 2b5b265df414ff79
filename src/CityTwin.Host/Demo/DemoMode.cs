using CityTwin.Grains.Time;
using CityTwin.Host.Configuration;
using CityTwin.Host.Hosting;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Observation;
using CityTwin.Simulator.Time;
using OpenTelemetry.Metrics;

namespace CityTwin.Host.Demo;

/// <summary>
/// The host with <c>--demo</c>: the embedded defaults plus a simulated city of its own. Its data lives in
/// its own directory (never the normal one) and starts afresh every run, because the city's accelerated
/// clock starts afresh too. The host's CityClock and the simulator read one accelerated clock.
/// </summary>
public static class DemoMode
{
    /// <summary>Marks a directory as the demo's, so a fresh start never deletes anything else.</summary>
    public const string MarkerFile = ".citytwin-demo";

    /// <exception cref="ConfigurationException">A demo flag cannot be used, or the data directory is not the demo's.</exception>
    public static async Task<WebApplication> CreateHostAsync(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var (options, hostArgs) = DemoOptions.Read(args);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        StartAfresh(dataDirectory);
        var city = CityGenerator.Generate(new CityOptions { Seed = options.Seed, Assets = options.Assets, Districts = options.Districts });
        // Stopped until the city is provisioned, so no twin counts the minutes of provisioning against its devices.
        var clock = new AcceleratedTimeProvider(StartOf(city, options.StartLocalTime), options.TimeFactor, running: false);
        // Later arguments win: the demo always runs embedded, on SQLite, in its own directory.
        string[] demoArgs =
        [
            .. hostArgs,
            "--Storage:Provider=Sqlite", $"--Storage:DataDirectory={dataDirectory}",
            "--Clustering:Provider=Localhost", "--Mqtt:Mode=Embedded",
        ];
        return await CityTwinHost.CreateAsync(demoArgs, builder =>
        {
            var signInKey = DemoSignIn.AddOperatorKeyUnlessConfigured(builder.Configuration);
            // Registered before the silo's own default (the system clock), so every rule reads this one.
            builder.Services.AddSingleton(new CityClock(clock, options.TimeFactor));
            builder.Services.AddSingleton(new DemoCity(city, new SimulationWorld(city), clock, options, signInKey));
            builder.Services.AddHostedService<DemoService>();
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(SimulatorMetrics.MeterName));
            customize?.Invoke(builder);
        });
    }

    /// <summary>Today's <paramref name="localTime"/> in the first district's time zone.</summary>
    internal static DateTimeOffset StartOf(SimulatedCity city, TimeSpan localTime)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.Districts[0].TimeZone);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var local = today + localTime;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static void StartAfresh(string directory)
    {
        if (Directory.Exists(directory))
        {
            if (!File.Exists(Path.Combine(directory, MarkerFile)) && Directory.EnumerateFileSystemEntries(directory).Any())
                throw new ConfigurationException("--demo-data", $"'{directory}' holds files but is not a demo directory (no {MarkerFile}); the demo starts afresh every run, so give it a directory of its own");
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkerFile), "This directory belongs to `CityTwin.Host --demo`, which empties it at every start.\n");
    }
}

/// <summary>The demo's city, its devices' hidden physics and its clock, for the service that provisions and drives it.</summary>
/// <param name="SignInKey">The operator API key made for this run; null when the configuration brought its own keys.</param>
public sealed record DemoCity(SimulatedCity City, SimulationWorld World, AcceleratedTimeProvider Clock, DemoOptions Options, string? SignInKey);
