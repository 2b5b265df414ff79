using System.Diagnostics;
using System.Globalization;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Mqtt;
using MQTTnet.Protocol;

namespace CityTwin.Simulator.Cli;

/// <summary>
/// <c>run --credentials FILE [--broker HOST:PORT] [--tls] [--qos 0|1] [--rate N|max] [--duration 60s]</c>: drives the
/// city's devices and gateways against any broker that knows their credentials, printing live progress
/// and a summary. Exit code 3 when readings were refused or publishes failed.
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = new Arguments(args,
            [.. Arguments.CityOptionNames, "--credentials", "--broker", "--qos", "--rate", "--duration", "--device-rate", "--gateway-rate",
             "--reboots-per-day", "--connect-concurrency", "--progress-every"],
            ["--tls"]);
        var city = CityGenerator.Generate(arguments.City());
        var credentialsPath = arguments.Required("--credentials");
        DeviceCredentials credentials;
        try
        {
            credentials = await DeviceCredentials.ReadAsync(credentialsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new UsageException("--credentials", e.Message);
        }
        if (city.DeviceIds.FirstOrDefault(id => !credentials.Secrets.ContainsKey(id)) is { } missing)
            throw new UsageException("--credentials", $"{credentialsPath} has no secret for '{missing}': was it written by 'provision' with the same --seed, --assets, --districts and --gateway-share?");
        var (host, port) = arguments.Endpoint("--broker", "127.0.0.1:1883", arguments.Flag("--tls") ? 8883 : 1883);
        var rate = arguments.Text("--rate");
        var options = new DriverOptions
        {
            Host = host,
            Port = port,
            Tls = arguments.Flag("--tls"),
            Qos = arguments.Integer("--qos", 1, 0, 1) == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce,
            AsFastAsAcknowledged = rate == "max",
            ReadingsPerSecond = rate is null or "max" ? null : arguments.Number("--rate", 0, 0.001, 10_000_000),
            DeviceMessagesPerSecond = arguments.Number("--device-rate", 90, 0.001, 1_000_000),
            GatewayMessagesPerSecond = arguments.Number("--gateway-rate", 1_800, 0.001, 1_000_000),
            RebootsPerDay = arguments.Number("--reboots-per-day", 0.2, 0, 1_000),
            ConnectConcurrency = arguments.Integer("--connect-concurrency", 32, 1, 10_000),
        };
        var duration = arguments.Duration("--duration") ?? TimeSpan.FromSeconds(60);
        var every = arguments.Duration("--progress-every") ?? TimeSpan.FromSeconds(2);

        var world = new SimulationWorld(city);
        var driver = new CityDriver(world, credentials, options, TimeProvider.System);
        output.WriteLine(GenerateCommand.Describe(city));
        output.WriteLine($"Driving {driver.ConnectionCount} connections against {host}:{port}{(options.Tls ? " (TLS)" : "")} at QoS {(int)options.Qos}, " +
            $"{(options.AsFastAsAcknowledged ? "as fast as acknowledged" : options.ReadingsPerSecond is { } r ? $"{r:0.###} readings/s" : "each kind's natural interval")}, for {duration}.");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var running = driver.RunAsync(stop.Token);
        var startedAt = TimeSpan.Zero;
        var readingsBefore = 0L;
        var connected = false;
        var previous = (Time: TimeSpan.Zero, Readings: 0L, Latency: driver.Stats.Latency.Copy());
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(every, CancellationToken.None));
            var stats = driver.Stats;
            if (!connected && stats.Connections >= driver.ConnectionCount)
            {
                // The measured run starts once every device is connected.
                connected = true;
                startedAt = clock.Elapsed;
                readingsBefore = stats.Readings;
                stop.CancelAfter(duration);
                output.WriteLine($"{Format(clock.Elapsed)} all {driver.ConnectionCount} connected; running for {duration}.");
            }
            var window = stats.Latency.Since(previous.Latency);
            var seconds = (clock.Elapsed - previous.Time).TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Format(clock.Elapsed)} {(stats.Readings - previous.Readings) / seconds,9:#,0}/s  sent {stats.Readings:#,0} in {stats.Messages:#,0} msgs  acked {stats.Acknowledged:#,0}  rejected {stats.Rejected:#,0}  failed {stats.Failures:#,0}  " +
                $"latency p50 {Ms(window.Percentile(0.5))} p95 {Ms(window.Percentile(0.95))} p99 {Ms(window.Percentile(0.99))}  connected {stats.Connections:#,0}"));
            previous = (clock.Elapsed, stats.Readings, stats.Latency.Copy());
        }
        try
        {
            await running;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException e)
        {
            // A device refused at CONNECT: its credential does not match this broker.
            throw new UsageException("--credentials", e.Message);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException)
        {
            throw new UsageException("--broker", $"cannot reach {host}:{port}: {e.Message}");
        }
        PrintSummary(driver.Stats, world.Journal, clock.Elapsed - startedAt, driver.Stats.Readings - readingsBefore, options, output);
        return driver.Stats.Rejected > 0 || driver.Stats.Failures > 0 ? Program.Refused : 0;
    }

    /// <param name="measuredReadings">Readings sent once every device was connected, over <paramref name="measured"/>.</param>
    private static void PrintSummary(PublishStats stats, SimulationJournal journal, TimeSpan measured, long measuredReadings, DriverOptions options, TextWriter output)
    {
        var all = stats.Latency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Summary: {stats.Readings:#,0} readings in {stats.Messages:#,0} messages; {measuredReadings:#,0} of them in {measured.TotalSeconds:0.0} s with every device connected = {measuredReadings / Math.Max(0.001, measured.TotalSeconds):#,0} readings/s; " +
            $"acknowledged {stats.Acknowledged:#,0}, rejected {stats.Rejected:#,0}, failed {stats.Failures:#,0}, reconnects {stats.Reconnects:#,0}."));
        output.WriteLine(options.Qos == MqttQualityOfServiceLevel.AtMostOnce
            ? "Latency: not measured at QoS 0 (nothing is acknowledged)."
            : $"Latency publish to acknowledgement (readings applied): p50 {Ms(all.Percentile(0.5))}, p95 {Ms(all.Percentile(0.95))}, p99 {Ms(all.Percentile(0.99))}, max {Ms(all.Percentile(1))}.");
        if (stats.LastRejection is { } rejection)
            output.WriteLine($"Last refusal: {rejection}");
        if (journal.Counts.Count > 0)
            output.WriteLine($"In the city: {string.Join(", ", journal.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}.");
    }

    private static string Format(TimeSpan elapsed) => $"[{elapsed.TotalSeconds,6:0.0}s]";

    private static string Ms(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "-";
}
