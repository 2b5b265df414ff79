using System.Globalization;
using CityTwin.Host.Configuration;
using CityTwin.Ingestion.Broker;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Mqtt;
using CityTwin.Simulator.Observation;
using CityTwin.Simulator.Provisioning;
using CityTwin.Contracts.Assets;

namespace CityTwin.Host.Demo;

/// <summary>
/// Once the host serves, provisions the demo city through the grains (districts, gateways, inventory,
/// credentials), then drives its devices over the embedded broker like any outside device, and logs what
/// happens in the city and what the twins make of it every few seconds.
/// </summary>
public sealed class DemoService(
    DemoCity demo,
    IGrainFactory grains,
    CityTwinSettings settings,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<DemoService> logger) : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken serviceStopping)
    {
        // This service is registered before the silo, so it would stop after it: stop driving as soon as the host begins to stop.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serviceStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        if (!await StartedAsync(stoppingToken))
            return;
        var city = demo.City;
        logger.LogInformation(
            "Demo: {City} (seed {Seed}), {Assets} assets in {Districts} district(s): {Kinds}; {Gateways} gateways. The city's clock starts at {Start} local and runs {Factor}x real time",
            city.Name, city.Seed, city.Assets.Count, city.Districts.Count,
            string.Join(", ", Enum.GetValues<AssetKind>().Select(k => $"{city.Count(k)} {k.Segment()}")), city.Gateways.Count,
            TimeZoneInfo.ConvertTime(demo.Clock.Start, TimeZoneInfo.FindSystemTimeZoneById(city.Districts[0].TimeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            demo.Clock.Factor);
        try
        {
            var credentials = await CityProvisioner.ProvisionAsync(grains, city, message => logger.LogInformation("Demo provisioning: {Step}", message));
            await DemoOperations.ApplyAsync(grains, city);
            logger.LogInformation(
                "Demo: every district has the default dimming policy and collection windows at 07:30 and 14:00 local (4 h each), so lights dim and trucks get planned routes");
            LogSignIn();
            var world = demo.World;
            var events = new DemoEventLog(logger);
            world.Journal.Happened += events.Log;
            var port = services.GetService<EmbeddedBroker>()?.BoundPorts.FirstOrDefault() is > 0 and var bound ? bound : settings.Mqtt.Port;
            demo.Clock.Run();
            var driver = new CityDriver(world, credentials, new DriverOptions { Host = "127.0.0.1", Port = port }, demo.Clock);
            using var metrics = new SimulatorMetrics(driver.Stats, world.Journal);
            logger.LogInformation("Demo: connecting {Connections} devices and gateways to the embedded broker on port {Port}", driver.ConnectionCount, port);
            var running = driver.RunAsync(stoppingToken);
            await ReportAsync(driver, running, stoppingToken);
            await running;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Demo stopped: {Reason}", e.Message);
        }
    }

    private void LogSignIn()
    {
        var page = new Uri(settings.Http.Url, "/");
        if (demo.SignInKey is { } key)
            logger.LogInformation("Demo: the live page is at {Page}; sign in with the operator key {Key} (made for this run only; also good for the API's X-Api-Key header)", page, key);
        else
            logger.LogInformation("Demo: the live page is at {Page}; sign in with one of the API keys configured for this host", page);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReportAsync(CityDriver driver, Task running, CancellationToken stoppingToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(demo.City.Districts[0].TimeZone);
        var previous = driver.Stats.Latency.Copy();
        var previousReadings = 0L;
        while (!stoppingToken.IsCancellationRequested && !running.IsCompleted)
        {
            await Task.WhenAny(Task.Delay(ReportEvery, stoppingToken), running);
            if (stoppingToken.IsCancellationRequested || running.IsCompleted)
                return;
            var stats = driver.Stats;
            var window = stats.Latency.Since(previous);
            previous = stats.Latency.Copy();
            var readings = stats.Readings;
            logger.LogInformation(
                "Demo {LocalTime} local: {Rate:0}/s readings, {Readings} sent, {Acknowledged} messages acknowledged, {Rejected} rejected, latency p50 {P50:0.0} ms p99 {P99:0.0} ms, {Connections} connected{LastRejection}",
                TimeZoneInfo.ConvertTime(demo.Clock.GetUtcNow(), zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture),
                (readings - previousReadings) / ReportEvery.TotalSeconds, readings, stats.Acknowledged, stats.Rejected,
                window.Percentile(0.5) ?? 0, window.Percentile(0.99) ?? 0, stats.Connections,
                stats.LastRejection is { } last ? $"; last refusal: {last}" : "");
            previousReadings = readings;
            try
            {
                logger.LogInformation("Demo twins: {Picture}", await TwinPicture.TakeAsync(grains, demo.City));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo: reading the twins' picture failed");
            }
        }
    }
}
