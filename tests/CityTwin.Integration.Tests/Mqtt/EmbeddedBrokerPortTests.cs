using CityTwin.Integration.Tests.Hosting;
using CityTwin.Testing;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>The embedded broker cannot share its port: a Mosquitto already on it stops start-up with one clear line.</summary>
public sealed class EmbeddedBrokerPortTests
{
    [Fact]
    public async Task A_mosquitto_on_the_mqtt_port_stops_start_up_naming_the_setting()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        using var workingDirectory = new TempDirectory();
        var mqttPort = $"--Mqtt:Port={mosquitto.Port}";
        string[] arguments = [.. HostPorts.Free().Arguments.Where(a => !a.StartsWith("--Mqtt:Port=", StringComparison.Ordinal)), mqttPort];

        var (exitCode, output) = await HostProcess.RunToExitAsync(workingDirectory.Path, arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains($"CityTwin cannot start: Mqtt:Port: port {mosquitto.Port} on 127.0.0.1 is already in use by another process", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.True(mosquitto.IsRunning, "the host disturbed the Mosquitto on its port");
    }
}
