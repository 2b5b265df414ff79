using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>
/// Topic ACLs from <see cref="DeviceAclTemplate"/> enforced by the real plugin. A refused 3.1.1
/// publish is acknowledged and dropped, so "never arrives" is shown by publishing a permitted
/// sentinel afterwards: the host's subscriber sees messages in the order the broker took them.
/// </summary>
[Collection(ExternalBrokerCollection.Name)]
public sealed class DeviceAclTests(ExternalBroker external)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task A_device_publishes_its_own_telemetry_and_status_but_not_another_assets(MqttVersion version)
    {
        var device = await external.ProvisionDeviceAsync();
        var neighbour = await external.ProvisionDeviceAsync(districtId: device.DistrictId);
        await using var host = await external.StartHostSubscriberAsync();
        var asDevice = external.As(device, version);

        var forbidden = await MosquittoClients.PublishAsync(asDevice, neighbour.Topic("telemetry"), "forged");
        var own = await MosquittoClients.PublishAsync(asDevice, device.Topic("telemetry"), "sentinel");
        var status = await MosquittoClients.PublishAsync(asDevice, device.Topic("status"), "online", retain: true);

        Assert.True(own.ExitCode == 0, own.ToString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.True(await host.WaitForOutputAsync($"{device.Topic("telemetry")} sentinel", Quick), host.StandardOutput);
        Assert.DoesNotContain("forged", host.StandardOutput);
        if (version == MqttVersion.V5)
            Assert.Contains("Not authorized", forbidden.StandardError); // the PUBACK's reason code 0x87
        else
            Assert.Equal(0, forbidden.ExitCode); // 3.1.1 has no refusal: acknowledged, dropped
    }

    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task A_device_subscribes_to_its_own_command_topic_only(MqttVersion version)
    {
        var device = await external.ProvisionDeviceAsync();
        var neighbour = await external.ProvisionDeviceAsync(districtId: device.DistrictId);
        var asDevice = external.As(device, version);

        foreach (var topic in new[] { neighbour.Topic("command"), $"city/{device.DistrictId}/#", "$SYS/#", DeviceAclTemplate.HostTelemetrySubscription() })
        {
            var refused = await MosquittoClients.SubscribeAsync(asDevice, topic, count: 1, wait: TimeSpan.FromSeconds(1));
            Assert.Contains("All subscription requests were denied.", refused.StandardError);
        }

        await using var commands = await MosquittoClients.StartSubscriberAsync(asDevice, device.Topic("command"));
        var sent = await MosquittoClients.PublishAsync(external.AsHost(), device.Topic("command"), "{\"level\":0.5}");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.True(await commands.WaitForOutputAsync($"{device.Topic("command")} {{\"level\":0.5}}", Quick), commands.StandardOutput);
    }

    [Fact]
    public async Task A_gateway_publishes_its_batch_and_its_own_assets_readings_only()
    {
        var district = ExternalBroker.UniqueId("district");
        var gatewayId = ExternalBroker.UniqueId("gw");
        var password = ExternalBroker.NewSecret();
        (AssetKind Kind, string AssetId) lamp = (AssetKind.Streetlight, ExternalBroker.UniqueId("lamp"));
        (AssetKind Kind, string AssetId) bin = (AssetKind.Bin, ExternalBroker.UniqueId("bin"));
        await external.Admin.ProvisionAsync(DeviceAclTemplate.Gateway(gatewayId, district, [lamp, bin]), gatewayId, password);
        await using var host = await external.StartHostSubscriberAsync();
        var asGateway = external.Broker.Plain with { Username = gatewayId, Password = password, ClientId = gatewayId, Version = MqttVersion.V5, Qos = 1 };
        var batchTopic = $"city/{district}/gateway/{gatewayId}/telemetry";

        var strangers = new[]
        {
            $"city/{district}/bin/{ExternalBroker.UniqueId("bin")}/telemetry",     // not its asset
            $"city/{ExternalBroker.UniqueId("district")}/bin/{bin.AssetId}/telemetry", // its asset's id in another district
            $"city/{district}/gateway/{ExternalBroker.UniqueId("gw")}/telemetry",  // another gateway's batch
        };
        foreach (var topic in strangers)
        {
            var refused = await MosquittoClients.PublishAsync(asGateway, topic, "forged");
            Assert.Contains("Not authorized", refused.StandardError);
        }
        foreach (var (topic, payload) in new[] { ($"city/{district}/streetlight/{lamp.AssetId}/telemetry", "lamp"), ($"city/{district}/bin/{bin.AssetId}/telemetry", "bin"), (batchTopic, "batch") })
        {
            var accepted = await MosquittoClients.PublishAsync(asGateway, topic, payload);
            Assert.True(accepted.ExitCode == 0 && accepted.StandardError.Length == 0, accepted.ToString());
        }

        Assert.True(await host.WaitForOutputAsync($"{batchTopic} batch", Quick), host.StandardOutput);
        Assert.Contains($"city/{district}/streetlight/{lamp.AssetId}/telemetry lamp", host.StandardOutput);
        Assert.Contains($"city/{district}/bin/{bin.AssetId}/telemetry bin", host.StandardOutput);
        Assert.DoesNotContain("forged", host.StandardOutput);
    }

    [Fact]
    public async Task Ensuring_a_role_again_replaces_its_acls()
    {
        var device = await external.ProvisionDeviceAsync();
        var moved = device with { DistrictId = ExternalBroker.UniqueId("district") };
        await external.Admin.EnsureRoleAsync(DeviceAclTemplate.Device(device.DeviceId, moved.DistrictId, device.Kind, device.AssetId));
        await using var host = await external.StartHostSubscriberAsync();
        var asDevice = external.As(device, MqttVersion.V5);

        var oldTopic = await MosquittoClients.PublishAsync(asDevice, device.Topic("telemetry"), "old");
        var newTopic = await MosquittoClients.PublishAsync(asDevice, moved.Topic("telemetry"), "new");

        Assert.Contains("Not authorized", oldTopic.StandardError);
        Assert.True(newTopic.ExitCode == 0 && newTopic.StandardError.Length == 0, newTopic.ToString());
        Assert.True(await host.WaitForOutputAsync($"{moved.Topic("telemetry")} new", Quick), host.StandardOutput);
    }
}
