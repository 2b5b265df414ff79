using System.Text.Json;
using CityTwin.Contracts.Bins;
using MQTTnet;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>A gateway's batch: bad readings never cost the good ones, and an MQTT 5 gateway is told which were refused.</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class GatewayBatchTests(BrokerHostFixture host)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Good_readings_are_applied_and_the_response_topic_names_the_refused_ones()
    {
        var (gateway, bins) = await host.NewGatewayAsync(3);
        await using var client = await MqttDevice.ConnectAsync(host.MqttPort, gateway.DeviceId, gateway.Secret);
        var resultTopic = gateway.Topic("result");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, (await client.SubscribeAsync(resultTopic)).Items.Single().ResultCode);
        var batch = Batch(
            Reading.BatchBin(bins[0], 0.2),
            Reading.BatchBin(bins[1], 1.7),
            Reading.BatchBin("bin-of-another-gateway", 0.5),
            Reading.BatchBin(bins[2], 0.6));
        byte[] correlation = [7, 1, 2];

        var sent = await client.PublishAsync(gateway.Topic(), batch, customize: m => m.WithResponseTopic(resultTopic).WithCorrelationData(correlation));

        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        Assert.Equal(0.2, await FillingLevelAsync(bins[0]));
        Assert.Null(await FillingLevelAsync(bins[1]));
        Assert.Equal(0.6, await FillingLevelAsync(bins[2]));
        var response = await client.NextMessageAsync(Within);
        Assert.NotNull(response);
        Assert.Equal(resultTopic, response.Topic);
        Assert.Equal(correlation, response.CorrelationData);
        var result = JsonDocument.Parse(response.Payload).RootElement;
        Assert.Equal(2, result.GetProperty("applied").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal([bins[1], "bin-of-another-gateway"], rejected.Select(r => r.GetProperty("assetId").GetString()));
        Assert.Equal(["fillingLevel", "assetId"], rejected.Select(r => r.GetProperty("errors")[0].GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_redelivered_batch_is_applied_once_and_reported_as_duplicates()
    {
        var (gateway, bins) = await host.NewGatewayAsync(2);
        await using var client = await MqttDevice.ConnectAsync(host.MqttPort, gateway.DeviceId, gateway.Secret);
        var resultTopic = gateway.Topic("result");
        await client.SubscribeAsync(resultTopic);
        var batch = Batch(Reading.BatchBin(bins[0], 0.3), Reading.BatchBin(bins[1], 0.4));

        for (var i = 0; i < 2; i++)
            Assert.Equal(MqttClientPublishReasonCode.Success, (await client.PublishAsync(gateway.Topic(), batch, customize: m => m.WithResponseTopic(resultTopic))).ReasonCode);

        var first = JsonDocument.Parse((await client.NextMessageAsync(Within))!.Payload).RootElement;
        var second = JsonDocument.Parse((await client.NextMessageAsync(Within))!.Payload).RootElement;
        Assert.Equal((2, 0), (first.GetProperty("applied").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 2), (second.GetProperty("applied").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        foreach (var bin in bins)
        {
            var counts = (await host.Grains.GetGrain<IBinGrain>(bin).GetStatus()).Readings;
            Assert.Equal((1, 1), (counts.Applied, counts.Duplicates));
        }
    }

    [Fact]
    public async Task An_mqtt311_gateway_has_its_good_readings_applied_and_the_bad_one_counted()
    {
        var (gateway, bins) = await host.NewGatewayAsync(2);
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"");

        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv311", gateway.DeviceId, gateway.Secret, gateway.DeviceId, gateway.Topic(),
            Batch(Reading.BatchBin(bins[0], 0.45), """{"assetId":"unknown-bin","ts":"2026-01-01T00:00:00Z","boot":1,"seq":1,"fillingLevel":0.1}"""));

        Assert.True(sent.ExitCode == 0, sent.All);
        Assert.Equal(0.45, await FillingLevelAsync(bins[0]));
        Assert.Null(await FillingLevelAsync(bins[1]));
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") >= before + 1));
    }

    private static string Batch(params string[] readings) => $$"""{"readings":[{{string.Join(',', readings)}}]}""";

    private async Task<double?> FillingLevelAsync(string binId) =>
        (await host.Grains.GetGrain<IBinGrain>(binId).GetTwin())!.FillingLevel;
}
