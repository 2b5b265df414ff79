using CityTwin.Contracts.Devices;
using CityTwin.Host.Hosting;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Simulator.Cli;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Integration.Tests.Demo;

/// <summary>
/// The standalone simulator against a host it did not start: provision through the host's Orleans gateway
/// (credentials written to a file), then drive the devices over MQTT with that file.
/// </summary>
public sealed class SimulatorCliTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Provision_then_run_drives_a_city_with_its_own_credentials_and_nothing_is_refused()
    {
        using var directory = new TempDirectory();
        var ports = HostPorts.Free();
        await using var host = await CityTwinHost.CreateAsync([.. ports.Arguments, $"--Storage:DataDirectory={directory.Combine("data")}"]);
        await host.StartAsync();
        try
        {
            var credentials = directory.Combine("credentials.tsv");
            string[] city = ["--seed", "12", "--assets", "200"];
            var provisionOutput = new StringWriter();
            Assert.Equal(0, await ProvisionCommand.RunAsync([.. city, "--credentials", credentials, "--gateway", $"127.0.0.1:{ports.Gateway}"], provisionOutput));
            output.WriteLine(provisionOutput.ToString());
            var secrets = (await File.ReadAllLinesAsync(credentials)).Where(l => !l.StartsWith('#')).ToList();
            Assert.NotEmpty(secrets);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
            var gatewayId = secrets.Select(l => l.Split('\t')[0]).First(id => id.Contains("-gw-", StringComparison.Ordinal));
            var gateway = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(gatewayId).GetAccess();
            Assert.Equal(DeviceRole.Gateway, gateway.Role);
            Assert.NotEmpty(gateway.Assets);

            var runOutput = new StringWriter();
            var exit = await RunCommand.RunAsync(
                [.. city, "--credentials", credentials, "--broker", $"127.0.0.1:{ports.Mqtt}", "--rate", "300", "--duration", "8s", "--progress-every", "2s"],
                runOutput, CancellationToken.None);
            output.WriteLine(runOutput.ToString());
            Assert.Equal(0, exit);
            var summary = runOutput.ToString().Split('\n').Single(l => l.StartsWith("Summary:", StringComparison.Ordinal));
            Assert.Contains("rejected 0, failed 0", summary);
            Assert.DoesNotContain("Summary: 0 readings", summary);
            Assert.Contains("Latency publish to acknowledgement", runOutput.ToString());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Run_with_credentials_of_another_city_says_so()
    {
        using var directory = new TempDirectory();
        var credentials = directory.Combine("credentials.tsv");
        await File.WriteAllTextAsync(credentials, "dev-someone-else\tsecret\n");
        var refusal = await Assert.ThrowsAsync<UsageException>(() =>
            RunCommand.RunAsync(["--seed", "12", "--assets", "200", "--credentials", credentials], TextWriter.Null, CancellationToken.None));
        Assert.StartsWith("--credentials:", refusal.Message);
    }
}
