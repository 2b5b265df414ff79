using CityTwin.Testing.Mqtt;
using MQTTnet;

namespace CityTwin.Integration.Tests.Mqtt.External;

[Collection(ExternalBrokerCollection.Name)]
public sealed class BrokerLimitsTests(ExternalBroker external)
{
    /// <summary>deploy/mosquitto/mosquitto.conf's max_packet_size.</summary>
    private const int MaxPacketSize = 65536;

    [Fact]
    public async Task An_oversized_publish_disconnects_its_sender_and_is_not_delivered()
    {
        var device = await external.ProvisionDeviceAsync();
        await using var host = await external.StartHostSubscriberAsync();
        var asDevice = external.As(device, MqttVersion.V311);

        var oversized = await MosquittoClients.PublishAsync(asDevice, device.Topic("telemetry"), "oversized" + new string('x', MaxPacketSize));
        var fits = await MosquittoClients.PublishAsync(asDevice, device.Topic("telemetry"), "fits" + new string('x', MaxPacketSize - 1000));

        Assert.NotEqual(0, oversized.ExitCode);
        Assert.Contains("The connection was lost", oversized.StandardError);
        Assert.True(fits.ExitCode == 0, fits.ToString());
        Assert.True(await host.WaitForOutputAsync($"{device.Topic("telemetry")} fitsxxx", TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("oversized", host.StandardOutput);
    }

    [Fact]
    public async Task MQTT_5_clients_are_told_the_maximum_packet_size_when_they_connect()
    {
        using var client = new MqttClientFactory().CreateMqttClient();

        var connected = await client.ConnectAsync(external.HostConnection.ToOptionsBuilder().WithClientId(ExternalBroker.UniqueId("host")).Build());
        await client.DisconnectAsync();

        Assert.Equal((uint)MaxPacketSize, connected.MaximumPacketSize);
    }
}
