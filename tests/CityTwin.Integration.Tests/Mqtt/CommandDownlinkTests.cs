using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Streetlights;
using MQTTnet.Protocol;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>
/// Commands go down at QoS 1; the twin keeps the desired state until the device reports it applied, and
/// sends it again whenever the device's status says it is back online.
/// </summary>
[Collection(BrokerHostCollection.Name)]
public sealed class CommandDownlinkTests(BrokerHostFixture host)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_level_command_is_kept_and_resent_on_each_return_online_until_the_light_reports_it()
    {
        var light = await host.NewLightAsync();
        var twin = host.Grains.GetGrain<IStreetlightGrain>(light.AssetId);

        await using (var device = await OnlineLightAsync(light))
        {
            Assert.True((await twin.RequestLevel(0.3)).Accepted);

            AssertLevelCommand(await device.NextMessageAsync(Within), light);
        }
        var desired = await twin.GetTwin();
        Assert.Equal((0.3, false), (desired!.DesiredLevel, desired.DesiredLevelConfirmed));

        // The lamp comes back with a clean session: nothing was queued for it, the twin sends again.
        await using (var device = await OnlineLightAsync(light))
        {
            AssertLevelCommand(await device.NextMessageAsync(Within), light);

            var reported = await device.PublishAsync(light.Topic(), Reading.Light(0.3));
            Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, reported.ReasonCode);
            Assert.True((await twin.GetTwin())!.DesiredLevelConfirmed);
        }

        // Confirmed: coming back online again brings no command.
        await using (var device = await OnlineLightAsync(light))
            Assert.Null(await device.NextMessageAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_command_for_an_asset_of_a_gateway_goes_down_the_gateways_topic_naming_the_asset_and_again_when_it_is_back()
    {
        var (gateway, _) = await host.NewGatewayAsync(0);
        var lightId = $"{gateway.DeviceId}-light";
        var provisioned = await host.Grains.GetGrain<IStreetlightGrain>(lightId).Provision(new AssetProvision(
            lightId, AssetKind.Streetlight, gateway.DistrictId, new GeoPoint(52.37, 4.89), gateway.DeviceId, new StreetlightSpec(60, 1)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        var commandTopic = gateway.Topic("command");

        await using (var device = await MqttDevice.ConnectAsync(host.MqttPort, gateway.DeviceId, gateway.Secret))
        {
            await device.SubscribeAsync(commandTopic);
            Assert.True((await host.Grains.GetGrain<IStreetlightGrain>(lightId).RequestLevel(0.3)).Accepted);

            AssertGatewayCommand(await device.NextMessageAsync(Within));
        }

        await using (var device = await MqttDevice.ConnectAsync(host.MqttPort, gateway.DeviceId, gateway.Secret))
        {
            await device.SubscribeAsync(commandTopic);
            Assert.True((await device.PublishAsync(gateway.Topic("status"), "online", customize: m => m.WithRetainFlag())).IsSuccess);

            AssertGatewayCommand(await device.NextMessageAsync(Within));
        }

        void AssertGatewayCommand(ReceivedMessage? command)
        {
            Assert.NotNull(command);
            Assert.Equal(commandTopic, command.Topic);
            Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, command.Qos);
            Assert.Contains($"\"assetId\":\"{lightId}\"", command.Payload, StringComparison.Ordinal);
            Assert.Contains("\"command\":\"setLevel\"", command.Payload, StringComparison.Ordinal);
        }
    }

    /// <summary>Connects as the lamp (clean session), subscribes to its command topic and says it is online.</summary>
    private async Task<MqttDevice> OnlineLightAsync(Device light)
    {
        var device = await MqttDevice.ConnectAsync(host.MqttPort, light.DeviceId, light.Secret);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, (await device.SubscribeAsync(light.Topic("command"))).Items.Single().ResultCode);
        var online = await device.PublishAsync(light.Topic("status"), "online", customize: m => m.WithRetainFlag());
        Assert.True(online.IsSuccess, $"status refused: {online.ReasonCode}"); // "no matching subscribers" is a success

        return device;
    }

    private static void AssertLevelCommand(ReceivedMessage? command, Device light)
    {
        Assert.NotNull(command);
        Assert.Equal(light.Topic("command"), command.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, command.Qos);
        Assert.Contains("\"command\":\"setLevel\"", command.Payload, StringComparison.Ordinal);
        Assert.Contains("\"illuminanceLevel\":0.3", command.Payload, StringComparison.Ordinal);
    }
}
