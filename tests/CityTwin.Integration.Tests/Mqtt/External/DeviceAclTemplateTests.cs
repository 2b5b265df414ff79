using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.External;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>The roles' shape, without a broker (their effect is tested against Mosquitto beside this).</summary>
public sealed class DeviceAclTemplateTests
{
    [Fact]
    public void A_device_role_holds_exactly_its_own_topics()
    {
        var role = DeviceAclTemplate.Device("dev-7", "north", AssetKind.AirQuality, "aq-7");

        Assert.Equal("citytwin-device-dev-7", role.Name);
        Assert.Equal(
            [
                new TopicAcl(AclType.PublishClientSend, "city/north/airquality/aq-7/telemetry"),
                new TopicAcl(AclType.PublishClientSend, "city/north/airquality/aq-7/status"),
                new TopicAcl(AclType.SubscribeLiteral, "city/north/airquality/aq-7/command"),
            ],
            role.Acls);
    }

    [Fact]
    public void A_gateway_role_adds_the_single_reading_topics_of_its_assets()
    {
        var role = DeviceAclTemplate.Gateway("gw-1", "north", [(AssetKind.Bin, "bin-1"), (AssetKind.Streetlight, "lamp-2")]);

        Assert.Equal(
            [
                "PublishClientSend city/north/gateway/gw-1/telemetry",
                "PublishClientSend city/north/gateway/gw-1/status",
                "SubscribeLiteral city/north/gateway/gw-1/command",
                "SubscribeLiteral city/north/gateway/gw-1/result",
                "PublishClientSend city/north/bin/bin-1/telemetry",
                "PublishClientSend city/north/streetlight/lamp-2/telemetry",
            ],
            role.Acls.Select(a => $"{a.Type} {a.Topic}"));
        Assert.All(role.Acls, a => Assert.True(a.Allow));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("$SYS")]
    [InlineData("")]
    public void Ids_that_would_widen_an_acl_are_refused(string id)
    {
        Assert.Throws<ArgumentException>(() => DeviceAclTemplate.Device(id, "north", AssetKind.Bin, "bin-1"));
        Assert.Throws<ArgumentException>(() => DeviceAclTemplate.Device("dev-1", id, AssetKind.Bin, "bin-1"));
        Assert.Throws<ArgumentException>(() => DeviceAclTemplate.Device("dev-1", "north", AssetKind.Bin, id));
        Assert.Throws<ArgumentException>(() => DeviceAclTemplate.Gateway("gw-1", "north", [(AssetKind.Bin, id)]));
    }

    [Fact]
    public void The_host_takes_telemetry_and_status_through_shared_subscriptions_and_publishes_commands_and_gateway_results()
    {
        var role = DeviceAclTemplate.Host();

        Assert.Equal("citytwin-host", role.Name);
        Assert.Contains(new TopicAcl(AclType.SubscribeLiteral, "$share/citytwin/city/+/+/+/telemetry"), role.Acls);
        Assert.Contains(new TopicAcl(AclType.SubscribeLiteral, "$share/citytwin/city/+/+/+/status"), role.Acls);
        // The host publishes exactly these: commands to any device or gateway, batch results to gateways only.
        Assert.Equal(
            ["city/+/+/+/command", "city/+/gateway/+/result"],
            role.Acls.Where(a => a.Type == AclType.PublishClientSend).Select(a => a.Topic));
    }
}
