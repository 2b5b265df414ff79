using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Streetlights;
using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.ExternalHost;

/// <summary>
/// External mode end to end: the host provisions devices in Mosquitto, devices publish with mosquitto_pub
/// to Mosquitto, and their readings reach the twins through the host's shared subscription.
/// </summary>
[Collection(ExternalHostCollection.Name)]
public sealed class ExternalIngestionTests(ExternalHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task Provisioning_creates_the_device_in_mosquitto_and_its_reading_reaches_the_twin(MqttVersion version)
    {
        var bin = await host.NewBinAsync();

        var account = await host.Admin.GetClientAsync(bin.DeviceId);
        var sent = await MosquittoClients.PublishAsync(host.As(bin, version), bin.Topic(), Reading.Bin(0.37));

        Assert.NotNull(account);
        Assert.Equal(bin.DeviceId, account.ClientId);
        Assert.Equal([DeviceAclTemplate.DeviceRoleName(bin.DeviceId)], account.Roles);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Equal(0.37, await EventuallyAsync(async () => (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel), 3);
    }

    [Fact]
    public async Task Mosquitto_holds_a_provisioned_device_to_its_own_topics()
    {
        var bin = await host.NewBinAsync();
        var other = await host.NewBinAsync();

        var intoOther = await MosquittoClients.PublishAsync(host.As(bin), other.Topic(), Reading.Bin(0.9));
        await MosquittoClients.PublishAsync(host.As(other), other.Topic(), Reading.Bin(0.2));

        // MQTT 5: the broker answers "not authorised"; the other bin only ever sees its own device's reading.
        Assert.Contains("Not authorized", intoOther.StandardError); // the PUBACK's reason code
        Assert.Equal(0.2, await EventuallyAsync(async () => (await host.Grains.GetGrain<IBinGrain>(other.AssetId).GetTwin())!.FillingLevel), 3);
        Assert.Equal(1, (await host.Grains.GetGrain<IBinGrain>(other.AssetId).GetStatus()).Readings.Applied);
    }

    [Fact]
    public async Task Revocation_cuts_off_the_live_session_and_removes_the_account()
    {
        var bin = await host.NewBinAsync();
        await using var live = await MosquittoClients.StartSubscriberAsync(host.As(bin), bin.Topic("command"));

        var revoked = await host.Grains.GetGrain<IDeviceGrain>(bin.DeviceId).RevokeCredential();
        var ended = await live.WaitForExitAsync(Patience);
        var again = await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(0.5));

        Assert.True(revoked.Accepted, string.Join("; ", revoked.Errors));
        Assert.NotNull(ended);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Null(await host.Admin.GetClientAsync(bin.DeviceId));
    }

    [Fact]
    public async Task Rotation_cuts_the_session_on_the_old_secret_refuses_it_and_admits_the_new()
    {
        var bin = await host.NewBinAsync();

        await using var live = await MosquittoClients.StartSubscriberAsync(host.As(bin), bin.Topic("command"));

        var rotated = await host.Grains.GetGrain<IDeviceGrain>(bin.DeviceId).RotateCredential();
        var ended = await live.WaitForExitAsync(Patience);
        var withOld = await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(0.6));
        var withNew = await MosquittoClients.PublishAsync(host.As(bin with { Secret = rotated.Credential!.Secret }), bin.Topic(), Reading.Bin(0.61));

        Assert.NotNull(ended); // cut off, and refused when it reconnected with the old secret
        Assert.NotEqual(0, withOld.ExitCode);
        Assert.True(withNew.ExitCode == 0, withNew.ToString());
        Assert.Equal(0.61, await EventuallyAsync(async () => (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel), 3);
    }

    [Fact]
    public async Task Decommissioning_the_last_asset_removes_its_device_from_mosquitto()
    {
        var bin = await host.NewBinAsync();

        var decommissioned = await host.Grains.GetGrain<IBinGrain>(bin.AssetId).Decommission();
        var after = await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(0.5));

        Assert.True(decommissioned.Accepted);
        Assert.Null(await host.Admin.GetClientAsync(bin.DeviceId));
        Assert.NotEqual(0, after.ExitCode);
    }

    [Fact]
    public async Task A_bad_reading_is_acknowledged_and_refused_and_the_next_one_is_applied()
    {
        var bin = await host.NewBinAsync();
        var refusedBefore = await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"");

        var bad = await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(1.7));
        var good = await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(0.3));

        Assert.True(bad.ExitCode == 0 && good.ExitCode == 0, $"{bad} / {good}");
        Assert.Equal(0.3, await EventuallyAsync(async () => (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel), 3);
        // Refused by the shared validation before any grain was called, and counted.
        Assert.Equal(1, (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetStatus()).Readings.Applied);
        // The metrics endpoint may answer from a scrape a moment old.
        Assert.Equal(1, await EventuallyAsync(async () => await host.MetricAsync("citytwin_mqtt_refusals", "reason=\"payload\"") > refusedBefore ? 1 : null));
    }

    [Fact]
    public async Task A_gateway_batch_through_mosquitto_reaches_every_twin_it_speaks_for()
    {
        var (gateway, bins) = await host.NewGatewayAsync(3);
        var batch = $$"""{"readings":[{{string.Join(",", bins.Select((id, i) => Reading.BatchBin(id, 0.1 * (i + 1))))}}]}""";

        var sent = await MosquittoClients.PublishAsync(host.As(gateway), gateway.Topic(), batch);

        Assert.True(sent.ExitCode == 0, sent.ToString());
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = host.Grains.GetGrain<IBinGrain>(bins[i]);
            Assert.Equal(0.1 * (i + 1), await EventuallyAsync(async () => (await bin.GetTwin())!.FillingLevel), 3);
        }
    }

    [Fact]
    public async Task Commands_go_down_through_mosquitto_and_are_sent_again_when_the_device_comes_back_online()
    {
        var light = await host.NewLightAsync();
        await using var device = await MqttDevice.ConnectAsync(host.Broker.Port, light.DeviceId, light.Secret);
        await device.SubscribeAsync(light.Topic("command"));

        var requested = await host.Grains.GetGrain<IStreetlightGrain>(light.AssetId).RequestLevel(0.4);
        var command = await device.NextMessageAsync(Patience);
        await device.PublishAsync(light.Topic("status"), "online");
        var again = await device.NextMessageAsync(Patience);

        Assert.True(requested.Accepted, string.Join("; ", requested.Errors));
        Assert.NotNull(command);
        Assert.Equal(light.Topic("command"), command.Topic);
        Assert.Contains("\"command\":\"setLevel\"", command.Payload, StringComparison.Ordinal);
        Assert.Contains("\"illuminanceLevel\":0.4", command.Payload, StringComparison.Ordinal);
        // Not yet confirmed by a report: the device's coming online makes the twin send it again.
        Assert.Equal(command, again);
    }

    [Fact]
    public async Task The_host_reconnects_when_the_broker_comes_back_and_readings_flow_again()
    {
        var bin = await host.NewBinAsync();

        await host.Broker.RestartAsync();
        // A message published before the host is back may find no subscriber: Mosquitto 2.0.11 does not restore
        // the shared subscriptions of a persistent session after its own restart (the host subscribes again).
        // So the device repeats its reading (a new sequence each time) until one arrives.
        var level = await EventuallyAsync(async () =>
        {
            await MosquittoClients.PublishAsync(host.As(bin), bin.Topic(), Reading.Bin(0.55));
            return (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel;
        }, TimeSpan.FromSeconds(40));

        Assert.Equal(0.55, level, 3);
    }

    /// <summary>Mosquitto acknowledges the device before the host has the reading: wait for the twin to show it.</summary>
    private static async Task<double> EventuallyAsync(Func<Task<double?>> read, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (true)
        {
            if (await read() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"nothing arrived within {(within ?? Patience).TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
