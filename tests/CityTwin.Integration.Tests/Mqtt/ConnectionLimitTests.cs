using CityTwin.Contracts.Bins;
using CityTwin.Ingestion.Security;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>Maximum connections and per-client message rate: the client over the limit is turned away with the proper reason, the others go on.</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class ConnectionLimitTests(BrokerHostFixture host)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connections_beyond_the_maximum_are_refused_as_busy_and_the_admitted_ones_keep_working()
    {
        var directory = host.Services.GetRequiredService<DeviceDirectory>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(directory.ConnectedCount == 0)), "sessions of earlier tests are still counted");
        var admitted = new List<(MqttDevice Client, Device Bin)>();
        try
        {
            for (var i = 0; i < BrokerHostFixture.MaxConnections; i++)
            {
                var bin = await host.NewBinAsync();
                admitted.Add((await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret), bin));
            }
            var late = await host.NewBinAsync();
            // The directory counts a session once the broker has handled its connection, a moment after CONNACK.
            Assert.True(
                await Eventually.TrueAsync(() => Task.FromResult(directory.ConnectedCount == BrokerHostFixture.MaxConnections)),
                $"{directory.ConnectedCount} sessions counted, not {BrokerHostFixture.MaxConnections}; clients connected: {admitted.Count(a => a.Client.IsConnected)}; not counted: {string.Join(", ", admitted.Where(a => !directory.IsConnected(a.Bin.DeviceId)).Select(a => a.Bin.DeviceId))}");

            var (refused, result) = await MqttDevice.TryConnectAsync(host.MqttPort, late.DeviceId, late.Secret);
            await refused.DisposeAsync();
            var refused311 = await MqttTool.PublishAsync(host.MqttPort, "mqttv311", late.DeviceId, late.Secret, late.DeviceId, late.Topic(), Reading.Bin(0.5));

            Assert.Equal(MqttClientConnectResultCode.ServerBusy, result.ResultCode);
            Assert.Contains("Connection Refused: broker unavailable", refused311.All, StringComparison.Ordinal);
            Assert.Null((await host.Grains.GetGrain<IBinGrain>(late.AssetId).GetTwin())!.FillingLevel);
            Assert.All(admitted, a => Assert.True(a.Client.IsConnected));
            var (first, firstBin) = admitted[0];
            Assert.Equal(MqttClientPublishReasonCode.Success, (await first.PublishAsync(firstBin.Topic(), Reading.Bin(0.15))).ReasonCode);
            Assert.Equal(0.15, (await host.Grains.GetGrain<IBinGrain>(firstBin.AssetId).GetTwin())!.FillingLevel);

            // At the limit a device may still take its own session over: it adds no connection.
            var (again, againResult) = await MqttDevice.TryConnectAsync(host.MqttPort, firstBin.DeviceId, firstBin.Secret);
            admitted[0] = (again, firstBin);
            await first.DisposeAsync();
            Assert.Equal(MqttClientConnectResultCode.Success, againResult.ResultCode);

            // One leaves, and there is room again.
            await admitted[^1].Client.DisposeAsync();
            admitted.RemoveAt(admitted.Count - 1);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(directory.ConnectedCount < BrokerHostFixture.MaxConnections)));
            var (now, nowResult) = await MqttDevice.TryConnectAsync(host.MqttPort, late.DeviceId, late.Secret);
            admitted.Add((now, late));
            Assert.Equal(MqttClientConnectResultCode.Success, nowResult.ResultCode);
        }
        finally
        {
            foreach (var (client, _) in admitted)
                await client.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task A_publish_over_the_packet_size_limit_disconnects_that_client_only(MqttProtocolVersion version)
    {
        var bin = await host.NewBinAsync();
        var bystanderBin = await host.NewBinAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret, version);
        await using var bystander = await MqttDevice.ConnectAsync(host.MqttPort, bystanderBin.DeviceId, bystanderBin.Secret);
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"size\"");

        // JSON may end in spaces: the same reading just under and just over the limit.
        var fits = await device.PublishAsync(bin.Topic(), Reading.Bin(0.25).PadRight(BrokerHostFixture.MaxPacketBytes - 100));
        Assert.Equal(MqttClientPublishReasonCode.Success, fits.ReasonCode);
        try
        {
            await device.PublishAsync(bin.Topic(), Reading.Bin(0.75).PadRight(BrokerHostFixture.MaxPacketBytes + 1));
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // Cut off while waiting for its PUBACK.
        }

        var gone = await device.DisconnectedWithinAsync(Within);
        Assert.NotNull(gone);
        if (version == MqttProtocolVersion.V500)
            Assert.Equal(MqttClientDisconnectReason.PacketTooLarge, gone.Reason);
        Assert.Equal(0.25, (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel);
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"size\"") >= before + 1));
        Assert.True(bystander.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await bystander.PublishAsync(bystanderBin.Topic(), Reading.Bin(0.65))).ReasonCode);
    }

    [Fact]
    public async Task A_client_over_its_message_rate_is_disconnected_with_reason_0x96_and_others_are_unaffected()
    {
        var noisyBin = await host.NewBinAsync();
        var quietBin = await host.NewBinAsync();
        await using var noisy = await MqttDevice.ConnectAsync(host.MqttPort, noisyBin.DeviceId, noisyBin.Secret);
        await using var quiet = await MqttDevice.ConnectAsync(host.MqttPort, quietBin.DeviceId, quietBin.Secret);
        var before = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"rate\"");

        await FloodAsync(noisy, noisyBin);

        var gone = await noisy.DisconnectedWithinAsync(Within);
        Assert.NotNull(gone);
        Assert.Equal(MqttClientDisconnectReason.MessageRateTooHigh, gone.Reason);
        Assert.True(await Eventually.TrueAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"rate\"") > before));
        Assert.True(quiet.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await quiet.PublishAsync(quietBin.Topic(), Reading.Bin(0.35))).ReasonCode);
        Assert.Equal(0.35, (await host.Grains.GetGrain<IBinGrain>(quietBin.AssetId).GetTwin())!.FillingLevel);
    }

    [Fact]
    public async Task An_mqtt311_client_over_its_message_rate_is_disconnected()
    {
        var bin = await host.NewBinAsync();
        await using var noisy = await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret, MqttProtocolVersion.V311);

        await FloodAsync(noisy, bin);

        Assert.NotNull(await noisy.DisconnectedWithinAsync(Within));
    }

    /// <summary>
    /// Publishes one QoS 1 message after another, far beyond the burst, until the broker says the quota is
    /// exceeded or cuts the connection. The payload is refused before any twin is called, so the messages
    /// come faster than the rate refills the budget however slow this machine is.
    /// </summary>
    private static async Task FloodAsync(MqttDevice device, Device bin)
    {
        for (var i = 0; i < 20 * BrokerHostFixture.MessageBurst && device.IsConnected; i++)
        {
            try
            {
                if ((await device.PublishAsync(bin.Topic(), "{}")).ReasonCode == MqttClientPublishReasonCode.QuotaExceeded)
                    return;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                return; // the broker closed the connection
            }
        }
    }
}
