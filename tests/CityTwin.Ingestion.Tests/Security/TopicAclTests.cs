using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Devices;
using CityTwin.Ingestion.Security;
using CityTwin.Ingestion.Topics;

namespace CityTwin.Ingestion.Tests.Security;

/// <summary>The ACL's answers for a device of one asset and a gateway of many (whose assets are looked up through an index).</summary>
public sealed class TopicAclTests
{
    private static DeviceAccess Gateway(int assets) => new(
        "gw-1",
        DeviceRole.Gateway,
        "centrum",
        [.. Enumerable.Range(0, assets).Select(i => new DeviceBinding($"light-{i}", AssetKind.Streetlight, "centrum")),
            new DeviceBinding("bin-far", AssetKind.Bin, "oost")],
        null,
        1);

    private static TopicAddress Topic(string topic)
    {
        Assert.Null(TopicParser.TryParse(topic, out var address));
        return address!;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(500)]
    public void A_gateway_publishes_for_each_of_its_assets_and_for_nothing_else(int assets)
    {
        var gateway = Gateway(assets);

        for (var i = 0; i < assets; i++)
            Assert.Null(TopicAcl.CheckPublish(gateway, Topic($"city/centrum/streetlight/light-{i}/telemetry")));
        Assert.Null(TopicAcl.CheckPublish(gateway, Topic("city/oost/bin/bin-far/status")));

        Assert.Contains("does not speak for streetlight 'light-x'", TopicAcl.CheckPublish(gateway, Topic("city/centrum/streetlight/light-x/telemetry")), StringComparison.Ordinal);
        // The right id under another kind or district is someone else's asset.
        Assert.NotNull(TopicAcl.CheckPublish(gateway, Topic("city/centrum/bin/light-0/telemetry")));
        Assert.NotNull(TopicAcl.CheckPublish(gateway, Topic("city/oost/streetlight/light-0/telemetry")));
        Assert.NotNull(TopicAcl.CheckPublish(gateway, Topic("city/centrum/bin/bin-far/telemetry")));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(500)]
    public void A_batch_reading_finds_its_kind_only_among_the_gateways_own_district(int assets)
    {
        var gateway = Gateway(assets);

        Assert.Equal(AssetKind.Streetlight, SpokenFor.Find(gateway, $"light-{assets - 1}", gateway.GatewayDistrictId)?.Kind);
        Assert.Null(SpokenFor.Find(gateway, "bin-far", gateway.GatewayDistrictId));
        Assert.Null(SpokenFor.Find(gateway, "light-x", gateway.GatewayDistrictId));
    }

    [Fact]
    public void A_device_subscribes_only_to_its_own_command_topic()
    {
        var device = new DeviceAccess("dev-1", DeviceRole.Device, null, [new DeviceBinding("bin-1", AssetKind.Bin, "centrum")], null, 1);

        Assert.Null(TopicAcl.CheckSubscribe(device, "city/centrum/bin/bin-1/command"));
        Assert.NotNull(TopicAcl.CheckSubscribe(device, "city/centrum/bin/bin-2/command"));
        Assert.NotNull(TopicAcl.CheckSubscribe(device, "city/centrum/bin/bin-1/telemetry"));
    }
}
