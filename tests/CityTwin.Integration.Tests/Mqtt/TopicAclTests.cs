using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using MQTTnet.Protocol;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>A device writes only its own telemetry and status and reads only its own command topic.</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class TopicAclTests(BrokerHostFixture host)
{
    [Fact]
    public async Task Publishing_for_another_asset_or_district_or_on_a_command_topic_is_refused_and_changes_nothing()
    {
        var bin = await host.NewBinAsync();
        var neighbour = await host.NewBinAsync();
        var elsewhere = await host.NewBinAsync("noord");

        string[] forbidden =
        [
            neighbour.Topic(),
            $"city/noord/bin/{bin.AssetId}/telemetry",
            elsewhere.Topic(),
            bin.Topic("command"),
        ];
        foreach (var topic in forbidden)
        {
            var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, topic, Reading.Bin(0.9));
            Assert.Contains("Publish 1 failed: Not authorized", sent.All, StringComparison.Ordinal);
        }
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(neighbour.AssetId).GetTwin())!.FillingLevel);
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(elsewhere.AssetId).GetTwin())!.FillingLevel);
    }

    [Fact]
    public async Task A_malformed_topic_is_refused_as_invalid()
    {
        var bin = await host.NewBinAsync();

        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, "city/centrum/bin", Reading.Bin(0.2));

        Assert.Contains("Publish 1 failed: Topic Name invalid", sent.All, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("neighbour")]
    [InlineData("wildcard")]
    [InlineData("sys")]
    [InlineData("telemetry")]
    public async Task Subscribing_beyond_its_own_command_topic_is_denied(string what)
    {
        var bin = await host.NewBinAsync();
        var neighbour = await host.NewBinAsync();
        var filter = what switch
        {
            "neighbour" => neighbour.Topic("command"),
            "wildcard" => "city/centrum/#",
            "sys" => "$SYS/#",
            _ => bin.Topic(),
        };

        var result = await MqttTool.RunAsync("mosquitto_sub",
            [.. MqttTool.Connection(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId), "-t", filter, "-W", "3"]);

        Assert.Contains("All subscription requests were denied", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_publishes_for_its_own_assets_and_batch_topic_only_and_subscribes_to_its_own_command_topic()
    {
        var (gateway, bins) = await host.NewGatewayAsync(1);
        var (otherGateway, otherBins) = await host.NewGatewayAsync(1);
        await using var client = await MqttDevice.ConnectAsync(host.MqttPort, gateway.DeviceId, gateway.Secret);
        var ownBin = new Device(bins[0], AssetKind.Bin, gateway.DistrictId, gateway.DeviceId, "");
        var notItsBin = new Device(otherBins[0], AssetKind.Bin, gateway.DistrictId, otherGateway.DeviceId, "");

        var single = await client.PublishAsync(ownBin.Topic(), Reading.Bin(0.55));
        var foreignSingle = await client.PublishAsync(notItsBin.Topic(), Reading.Bin(0.9));
        var foreignBatch = await client.PublishAsync(otherGateway.Topic(), $$"""{"readings":[{{Reading.BatchBin(otherBins[0], 0.9)}}]}""");
        var ownCommand = await client.SubscribeAsync(gateway.Topic("command"));
        var foreignCommand = await client.SubscribeAsync(otherGateway.Topic("command"));

        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, single.ReasonCode);
        Assert.Equal(0.55, (await host.Grains.GetGrain<IBinGrain>(bins[0]).GetTwin())!.FillingLevel);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, foreignSingle.ReasonCode);
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.NotAuthorized, foreignBatch.ReasonCode);
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(otherBins[0]).GetTwin())!.FillingLevel);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, ownCommand.Items.Single().ResultCode);
        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.NotAuthorized, foreignCommand.Items.Single().ResultCode);
    }

    [Fact]
    public async Task A_device_subscribes_to_its_own_command_topic()
    {
        var bin = await host.NewBinAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret);

        var granted = await device.SubscribeAsync(bin.Topic("command"));

        Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, granted.Items.Single().ResultCode);
    }
}
