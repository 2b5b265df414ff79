using System.Text.Json;
using CityTwin.Contracts.Bins;
using MQTTnet;

namespace CityTwin.Integration.Tests.Mqtt.ExternalHost;

/// <summary>
/// External mode: a gateway's MQTT 5 batch through Mosquitto has its good readings applied and gets the
/// per-batch result, naming the refused reading, on its own result topic from the host.
/// </summary>
[Collection(ExternalHostCollection.Name)]
public sealed class ExternalGatewayResultTests(ExternalHostFixture host)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_gateway_gets_the_result_naming_the_refused_reading_on_its_response_topic()
    {
        var (gateway, bins) = await host.NewGatewayAsync(3);
        var (other, _) = await host.NewGatewayAsync(0);
        await using var client = await MqttDevice.ConnectAsync(host.Broker.Port, gateway.DeviceId, gateway.Secret);
        var resultTopic = gateway.Topic("result");
        var ownSubscription = await client.SubscribeAsync(resultTopic);
        var othersSubscription = await client.SubscribeAsync(other.Topic("result"));
        var batch = $$"""{"readings":[{{Reading.BatchBin(bins[0], 0.2)}},{{Reading.BatchBin(bins[1], 1.7)}},{{Reading.BatchBin(bins[2], 0.6)}}]}""";
        byte[] correlation = [9, 4, 2];

        var sent = await client.PublishAsync(gateway.Topic(), batch, customize: m => m.WithResponseTopic(resultTopic).WithCorrelationData(correlation));
        var response = await client.NextMessageAsync(Within);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, ownSubscription.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, othersSubscription.Items.Single().ResultCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        Assert.NotNull(response);
        Assert.Equal(resultTopic, response.Topic);
        Assert.Equal(correlation, response.CorrelationData);
        var result = JsonDocument.Parse(response.Payload).RootElement;
        Assert.Equal(2, result.GetProperty("applied").GetInt32());
        var rejected = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Equal(bins[1], rejected.GetProperty("assetId").GetString());
        Assert.Equal("fillingLevel", rejected.GetProperty("errors")[0].GetProperty("field").GetString());
        // The result is sent after the readings were applied: the twins show them already.
        Assert.Equal(0.2, await FillingLevelAsync(bins[0]));
        Assert.Null(await FillingLevelAsync(bins[1]));
        Assert.Equal(0.6, await FillingLevelAsync(bins[2]));
    }

    private async Task<double?> FillingLevelAsync(string binId) =>
        (await host.Grains.GetGrain<IBinGrain>(binId).GetTwin())!.FillingLevel;
}
