using CityTwin.Contracts.Bins;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>A device's status topic (retained online, offline as its will) is how its twin knows it is there.</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class DevicePresenceTests(BrokerHostFixture host)
{
    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task A_retained_online_and_the_offline_will_of_a_vanished_device_reach_its_twin(MqttVersion version)
    {
        var bin = await host.NewBinAsync();
        var twin = host.Grains.GetGrain<IBinGrain>(bin.AssetId);
        var device = Options(bin, version);
        Assert.Null((await twin.GetStatus()).DeviceOnline);

        var online = await MosquittoClients.PublishAsync(device with { Qos = 1 }, bin.Topic("status"), "online", retain: true);

        Assert.True(online.ExitCode == 0, online.ToString());
        Assert.True((await twin.GetStatus()).DeviceOnline);

        // A device that vanishes without DISCONNECT (the process killed): the broker publishes its will.
        var subscriber = await MosquittoClients.StartSubscriberAsync(device with { Will = new MqttWill(bin.Topic("status"), "offline") }, bin.Topic("command"));
        await subscriber.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(async () => (await twin.GetStatus()).DeviceOnline == false), "the offline will did not reach the twin");
    }

    [Fact]
    public async Task A_gateways_status_is_the_presence_of_every_asset_it_speaks_for()
    {
        var (gateway, bins) = await host.NewGatewayAsync(2);

        var online = await MosquittoClients.PublishAsync(Options(gateway, MqttVersion.V5) with { Qos = 1 }, gateway.Topic("status"), "online", retain: true);

        Assert.True(online.ExitCode == 0, online.ToString());
        foreach (var bin in bins)
            Assert.True((await host.Grains.GetGrain<IBinGrain>(bin).GetStatus()).DeviceOnline);
    }

    private MosquittoClientOptions Options(Device device, MqttVersion version) => new("127.0.0.1", host.MqttPort)
    {
        Version = version,
        Username = device.DeviceId,
        Password = device.Secret,
        ClientId = device.DeviceId,
    };
}
