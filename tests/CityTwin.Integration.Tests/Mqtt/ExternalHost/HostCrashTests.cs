using System.Globalization;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Devices;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Integration.Tests.Mqtt.External;
using CityTwin.Testing;
using CityTwin.Testing.Mqtt;
using Xunit.Abstractions;

namespace CityTwin.Integration.Tests.Mqtt.ExternalHost;

/// <summary>
/// The published host as a process, in External mode against a real Mosquitto, with readings written
/// through (Twins:WriteBehindInterval=0): killed with SIGKILL while devices stream QoS 1 readings, and
/// started again on the same data and the same client id. The broker kept what the host had not
/// acknowledged; the twins recognise what they had already applied.
/// </summary>
public sealed class HostCrashTests(ITestOutputHelper output)
{
    private const int Devices = 4;
    private const int ReadingsPerDevice = 1500;
    private const string District = "centrum";

    [Fact]
    public async Task A_host_killed_mid_stream_and_restarted_applies_every_published_reading_exactly_once()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        string[] arguments =
        [
            .. ports.Arguments.Where(a => !a.StartsWith("--Mqtt:", StringComparison.Ordinal)),
            "--Storage:DataDirectory=data",
            "--Twins:WriteBehindInterval=00:00:00",
            .. ExternalHostFixture.ExternalArguments(broker, ExternalBroker.NewSecret(), "silo-crash-test"),
        ];
        var first = HostProcess.Start(workingDirectory.Path, arguments, ports.Http);
        await using (first)
        {
            await first.WaitUntilReadyAsync();
            var devices = await ProvisionAsync(ports.Gateway);

            var publishing = devices.Select(d => MosquittoClients.PublishLinesAsync(
                broker.Plain with { Username = d.DeviceId, Password = d.Secret, ClientId = d.DeviceId, Version = MqttVersion.V5, Qos = 1 },
                d.Topic(), Stream(), TimeSpan.FromMinutes(3))).ToList();
            var appliedAtKill = await WaitForAppliedAsync(ports.Gateway, devices, atLeast: Devices * ReadingsPerDevice / 5);
            await first.KillAsync();
            output.WriteLine($"killed with {appliedAtKill} of {Devices * ReadingsPerDevice} readings applied");
            Assert.InRange(appliedAtKill, 1, Devices * ReadingsPerDevice - 1); // really mid-stream

            foreach (var published in await Task.WhenAll(publishing))
                Assert.True(published.ExitCode == 0 && !published.TimedOut, published.ToString());
        }

        await using var second = HostProcess.Start(workingDirectory.Path, arguments, ports.Http);
        await second.WaitUntilReadyAsync();
        var counts = await WaitForCountsAsync(ports.Gateway, Devices * ReadingsPerDevice);

        foreach (var (assetId, readings) in counts)
        {
            output.WriteLine($"{assetId}: {readings}");
            Assert.Equal(ReadingsPerDevice, readings.Applied);
            Assert.Equal(0, readings.Late + readings.Rejected);
        }
    }

    /// <summary>One device's stream: increasing sequence and device time, a fill level that creeps up.</summary>
    private static IEnumerable<string> Stream()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var seq = 1; seq <= ReadingsPerDevice; seq++)
            yield return string.Create(CultureInfo.InvariantCulture,
                $$"""{"ts":"{{start.AddMilliseconds(seq * 10):O}}","boot":1,"seq":{{seq}},"fillingLevel":{{0.1 + seq * 0.0004:0.0000}}}""");
    }

    private static async Task<IReadOnlyList<Device>> ProvisionAsync(int gatewayPort)
    {
        await using var city = await CityClient.ConnectToGatewayAsync(gatewayPort);
        Assert.True((await city.Directory.UpsertDistrict(new District(District, "Centrum", "Europe/Amsterdam", 52.37, 4.89))).Accepted);
        var devices = new List<Device>();
        for (var i = 0; i < Devices; i++)
        {
            var device = new Device($"crash-bin-{i}", AssetKind.Bin, District, $"crash-dev-{i}", "");
            var provisioned = await city.Client.GetGrain<IBinGrain>(device.AssetId).Provision(new AssetProvision(
                device.AssetId, AssetKind.Bin, District, new GeoPoint(52.37, 4.89), device.DeviceId, new BinSpec(1100, 0.8, 120, 400)));
            Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
            var issued = await city.Client.GetGrain<IDeviceGrain>(device.DeviceId).IssueCredential();
            Assert.True(issued.Issued, string.Join("; ", issued.Errors));
            devices.Add(device with { Secret = issued.Credential!.Secret });
        }
        return devices;
    }

    private static async Task<long> WaitForAppliedAsync(int gatewayPort, IReadOnlyList<Device> devices, long atLeast)
    {
        await using var city = await CityClient.ConnectToGatewayAsync(gatewayPort);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            long applied = 0;
            foreach (var device in devices)
                applied += (await city.Client.GetGrain<IBinGrain>(device.AssetId).GetStatus()).Readings.Applied;
            if (applied >= atLeast || DateTime.UtcNow > deadline)
                return applied;
            await Task.Delay(10);
        }
    }

    private static async Task<IReadOnlyList<(string AssetId, ReadingCounts Readings)>> WaitForCountsAsync(int gatewayPort, long total)
    {
        await using var city = await CityClient.ConnectToGatewayAsync(gatewayPort);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var counts = await ReadCountsAsync(city);
            var seen = counts.Sum(c => c.Readings.Applied + c.Readings.Late + c.Readings.Rejected);
            if (seen >= total || DateTime.UtcNow > deadline)
            {
                // A moment more, so that a reading applied twice would show.
                await Task.Delay(TimeSpan.FromSeconds(1));
                return await ReadCountsAsync(city);
            }
            await Task.Delay(100);
        }
    }

    private static async Task<IReadOnlyList<(string AssetId, ReadingCounts Readings)>> ReadCountsAsync(CityClient city)
    {
        var counts = new List<(string, ReadingCounts)>();
        for (var i = 0; i < Devices; i++)
            counts.Add(($"crash-bin-{i}", (await city.Client.GetGrain<IBinGrain>($"crash-bin-{i}").GetStatus()).Readings));
        return counts;
    }
}
