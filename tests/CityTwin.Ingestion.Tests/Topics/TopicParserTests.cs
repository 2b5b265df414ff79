using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.Topics;

namespace CityTwin.Ingestion.Tests.Topics;

/// <summary>The topic shapes of ARCHITECTURE.md are read into their parts; anything else is refused saying what was wrong.</summary>
public sealed class TopicParserTests
{
    [Theory]
    [InlineData("city/centrum/streetlight/light-7/telemetry", "centrum", AssetKind.Streetlight, "light-7", TopicChannel.Telemetry)]
    [InlineData("city/oost/airquality/aq-1/status", "oost", AssetKind.AirQuality, "aq-1", TopicChannel.Status)]
    [InlineData("city/oost/bin/b-2/command", "oost", AssetKind.Bin, "b-2", TopicChannel.Command)]
    [InlineData("city/west/gateway/gw-9/telemetry", "west", null, "gw-9", TopicChannel.Telemetry)]
    [InlineData("city/west/gateway/gw-9/result", "west", null, "gw-9", TopicChannel.Result)]
    public void A_well_formed_topic_is_read_into_its_parts(string topic, string district, AssetKind? kind, string id, TopicChannel channel)
    {
        Assert.Null(TopicParser.TryParse(topic, out var address));

        Assert.Equal(new TopicAddress(district, kind, id, channel), address);
    }

    [Theory]
    [InlineData("", "the topic is empty")]
    [InlineData("town/centrum/bin/b-1/telemetry", "is not city/{district}/{kind}/{id}/{telemetry|status|command|result}")]
    [InlineData("city/centrum/bin/telemetry", "is not city/{district}/{kind}/{id}")]
    [InlineData("city/centrum/bin/b-1/telemetry/extra", "is not city/{district}/{kind}/{id}")]
    [InlineData("city//bin/b-1/telemetry", "district ")]
    [InlineData("city/centrum/Bin/b-1/telemetry", "'Bin' is not a kind")]
    [InlineData("city/centrum/bin/B 1/telemetry", "id ")]
    [InlineData("city/centrum/bin/b-1/readings", "'readings' is not a channel (telemetry, status, command)")]
    [InlineData("city/centrum/bin/b-1/result", "'result' is not a channel (telemetry, status, command)")]
    [InlineData("city/centrum/gateway/gw-1/readings", "'readings' is not a channel (telemetry, status, command, result)")]
    public void Anything_else_is_refused_saying_what_was_wrong(string topic, string reason)
    {
        Assert.Contains(reason, TopicParser.TryParse(topic, out var address), StringComparison.Ordinal);
        Assert.Null(address);
    }
}
