using System.Text;
using CityTwin.Contracts.Bins;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>Bad payloads are refused before any twin is called, said why (MQTT 5) and counted (both versions).</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class PayloadValidationTests(BrokerHostFixture host)
{
    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("""{"boot":1,"seq":1,"fillingLevel":0.5}""", "ts: is required")]
    [InlineData("""{"ts":"2026-01-01T00:00:00Z","boot":1,"seq":1,"fillingLevel":1.7}""", "fillingLevel: 1.7 is outside 0..1")]
    [InlineData("""{"ts":"2026-01-01T00:00:00Z","boot":1,"seq":1,"fillingLevel":"0.5"}""", "malformed JSON")]
    public async Task An_mqtt5_device_is_told_what_was_wrong_and_the_twin_is_untouched(string payload, string reason)
    {
        var bin = await host.NewBinAsync();
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"");

        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), payload);

        Assert.Contains("Publish 1 failed: Payload format invalid", sent.All, StringComparison.Ordinal);
        Assert.Contains(reason, sent.All, StringComparison.Ordinal);
        var status = await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetStatus();
        Assert.Equal(0, status.Readings.Applied + status.Readings.Rejected);
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") > before));
    }

    [Fact]
    public async Task An_mqtt311_device_is_acknowledged_but_the_refusal_is_counted()
    {
        var bin = await host.NewBinAsync();
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"");

        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv311", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), "{not json");

        Assert.Equal(0, sent.ExitCode);
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") > before));
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel);
    }

    [Theory]
    [InlineData("mqttv311", "topic")]
    [InlineData("mqttv311", "acl")]
    [InlineData("mqttv311", "payload")]
    [InlineData("mqttv5", "topic")]
    [InlineData("mqttv5", "acl")]
    [InlineData("mqttv5", "payload")]
    public async Task A_refused_qos0_message_is_counted_under_its_reason(string version, string reason)
    {
        var bin = await host.NewBinAsync();
        var neighbour = await host.NewBinAsync();
        var (topic, payload) = reason switch
        {
            "topic" => ("city/centrum/bin", Reading.Bin(0.2)),
            "acl" => (neighbour.Topic(), Reading.Bin(0.2)),
            _ => (bin.Topic(), "{not json"),
        };
        var label = $"reason=\"{reason}\"";
        var before = await host.MetricAsync("citytwin_mqtt_refusals", label);

        var sent = await MqttTool.PublishAsync(host.MqttPort, version, bin.DeviceId, bin.Secret, bin.DeviceId, topic, payload, qos: 0);

        Assert.True(sent.ExitCode == 0, sent.All);
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", label) >= before + 1),
            $"the {reason} refusal was not counted once");
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel);
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(neighbour.AssetId).GetTwin())!.FillingLevel);
    }

    [Fact]
    public async Task A_reading_its_twin_refuses_is_reported_with_the_twins_reason()
    {
        var bin = await host.NewBinAsync();

        // Far in the future: beyond the clock skew the twin allows.
        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(),
            Reading.Bin(0.5, at: DateTimeOffset.UtcNow.AddDays(2)));

        Assert.Contains("Publish 1 failed: Implementation specific error", sent.All, StringComparison.Ordinal);
        Assert.Equal(1, (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetStatus()).Readings.Rejected);
    }

    [Fact]
    public async Task A_redelivered_reading_is_applied_once()
    {
        var bin = await host.NewBinAsync();
        var reading = Reading.Bin(0.33, seq: 7, boot: 3);

        for (var i = 0; i < 3; i++)
        {
            var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), reading);
            Assert.True(sent.ExitCode == 0 && !sent.All.Contains("failed", StringComparison.Ordinal), sent.All);
        }

        var counts = (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetStatus()).Readings;
        Assert.Equal((1, 2), (counts.Applied, counts.Duplicates));
    }

    [Fact]
    public async Task A_publish_resent_with_the_dup_flag_on_the_same_session_is_applied_once()
    {
        var bin = await host.NewBinAsync();
        var publish = Encoding.UTF8.GetBytes(bin.Topic());
        var reading = Reading.Bin(0.27);
        await using var raw = await RawMqttConnection.ConnectAsync(host.MqttPort, bin.DeviceId, bin.DeviceId, bin.Secret, TimeSpan.FromSeconds(10));
        byte[] pubackOfPacket1 = [0x40, 0x02, 0x00, 0x01];

        await raw.SendAsync(RawMqttConnection.PublishQos1(publish, reading));
        Assert.Equal(pubackOfPacket1, await raw.ReadAsync(4, TimeSpan.FromSeconds(10)));
        await raw.SendAsync(RawMqttConnection.PublishQos1(publish, reading, dup: true));
        Assert.Equal(pubackOfPacket1, await raw.ReadAsync(4, TimeSpan.FromSeconds(10)));

        var counts = (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetStatus()).Readings;
        Assert.Equal((1, 1), (counts.Applied, counts.Duplicates));
    }
}
