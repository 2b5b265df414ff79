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
        Assert.True(await EventuallyAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") > before));
    }

    [Fact]
    public async Task An_mqtt311_device_is_acknowledged_but_the_refusal_is_counted()
    {
        var bin = await host.NewBinAsync();
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"");

        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv311", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), "{not json");

        Assert.Equal(0, sent.ExitCode);
        Assert.True(await EventuallyAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") > before));
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel);
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

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}
