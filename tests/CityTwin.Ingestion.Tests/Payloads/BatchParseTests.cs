using System.Buffers;
using System.Text;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Streetlights;
using CityTwin.Ingestion.Payloads;

namespace CityTwin.Ingestion.Tests.Payloads;

/// <summary>A gateway's batch: good readings parsed in place, each bad one refused by its position, a bad batch refused whole with what was wrong.</summary>
public sealed class BatchParseTests
{
    private const string Ts = "\"ts\":\"2026-01-01T00:00:00Z\",\"boot\":1";

    private static AssetKind? KindOf(string assetId) => assetId switch
    {
        "bin-1" or "bin-2" => AssetKind.Bin,
        "light-1" => AssetKind.Streetlight,
        _ => null,
    };

    private static BatchParse Parse(string json) => PayloadParser.ParseBatch(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), KindOf);

    /// <summary>The same bytes in segments of three, as a socket may deliver them.</summary>
    private static BatchParse ParseSegmented(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Segment? first = null, last = null;
        for (var at = 0; at < bytes.Length; at += 3)
        {
            var piece = bytes.AsMemory(at, Math.Min(3, bytes.Length - at));
            last = last is null ? first = new Segment(piece, 0) : last.Append(piece);
        }
        return PayloadParser.ParseBatch(new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length), KindOf);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    [Fact]
    public void Good_readings_are_parsed_in_order_and_each_bad_one_is_refused_by_its_position()
    {
        var json = $$"""
            {"readings":[
              {"assetId":"bin-1",{{Ts}},"seq":1,"fillingLevel":0.4},
              {"assetId":"light-1",{{Ts}},"seq":2,"powerState":"on","illuminanceLevel":0.5},
              {"assetId":"nobody",{{Ts}},"seq":3,"fillingLevel":0.4},
              {"assetId":"bin-2",{{Ts}},"seq":4,"fillingLevel":1.7},
              42,
              {"assetId":"bin-2",{{Ts}},"seq":5,"fillingLevel":"half"},
              {"assetId":"bin-2",{{Ts}},"seq":6,"kind":"bin","cargoWeight":12}
            ]}
            """;

        foreach (var parse in new[] { Parse(json), ParseSegmented(json) })
        {
            Assert.Null(parse.BatchError);
            Assert.Equal([0, 1, 6], parse.Readings.Select(r => r.Index));
            Assert.Equal(0.4, ((BinTelemetry)parse.Readings[0].Telemetry).FillingLevel);
            Assert.Equal(AssetKind.Streetlight, parse.Readings[1].Kind);
            Assert.Equal(0.5, ((StreetlightTelemetry)parse.Readings[1].Telemetry).IlluminanceLevel);
            Assert.Equal(("bin-2", 6L), (parse.Readings[2].AssetId, parse.Readings[2].Stamp.Sequence));

            Assert.Equal([2, 3, 4, 5], parse.Refused.Select(r => r.Index));
            Assert.Contains("does not speak for 'nobody'", parse.Refused[0].Errors[0].Message, StringComparison.Ordinal);
            Assert.Equal("fillingLevel", parse.Refused[1].Errors[0].Field);
            Assert.Null(parse.Refused[2].AssetId);
            Assert.Contains("JSON object", parse.Refused[2].Errors[0].Message, StringComparison.Ordinal);
            Assert.Contains("malformed JSON", parse.Refused[3].Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"readings":[{"assetId":"bin-1" """, "$", "malformed JSON")]
    [InlineData("""[{"assetId":"bin-1"}]""", "$", "not an array")]
    [InlineData("""null""", "readings", "is required")]
    [InlineData("""{"other":[]}""", "readings", "is required")]
    [InlineData("""{"readings":null}""", "readings", "is required")]
    [InlineData("""{"readings":{"assetId":"bin-1"}}""", "readings", "must be an array of readings, not an object")]
    [InlineData("""{"readings":[]}""", "readings", "is empty")]
    public void A_batch_that_is_not_a_list_of_readings_is_refused_whole_saying_what_was_wrong(string json, string field, string reason)
    {
        foreach (var parse in new[] { Parse(json), ParseSegmented(json) })
        {
            Assert.Empty(parse.Readings);
            Assert.Empty(parse.Refused);
            Assert.Equal(field, parse.BatchError!.Field);
            Assert.Contains(reason, parse.BatchError.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_batch_of_more_readings_than_allowed_is_refused_whole()
    {
        var readings = string.Join(",", Enumerable.Range(1, PayloadParser.MaxBatchReadings + 1)
            .Select(i => $$"""{"assetId":"bin-1",{{Ts}},"seq":{{i}},"fillingLevel":0.1}"""));

        var parse = Parse($$"""{"readings":[{{readings}}]}""");

        Assert.Empty(parse.Readings);
        Assert.Equal("readings", parse.BatchError!.Field);
        Assert.Contains($"at most {PayloadParser.MaxBatchReadings}", parse.BatchError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_reads_back_from_its_topic_segment()
    {
        foreach (var kind in Enum.GetValues<AssetKind>())
        {
            Assert.True(AssetKinds.TryParseSegment(kind.Segment(), out var parsed));
            Assert.Equal(kind, parsed);
        }
        Assert.Equal("airquality", AssetKind.AirQuality.Segment());
        Assert.False(AssetKinds.TryParseSegment("Bin", out _));
        Assert.False(AssetKinds.TryParseSegment(null, out _));
    }
}
