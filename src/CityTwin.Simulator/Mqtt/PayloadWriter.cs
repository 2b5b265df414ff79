using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CityTwin.Ingestion.Payloads;

namespace CityTwin.Simulator.Mqtt;

/// <summary>Readings on the wire, written with the ingestion's own message types and JSON context.</summary>
public static class PayloadWriter
{
    public static byte[] Single(ReadingMessage reading) => JsonSerializer.SerializeToUtf8Bytes(reading, TypeInfo(reading));

    /// <summary>A gateway's batch: each reading names its asset.</summary>
    public static byte[] Batch(IEnumerable<(string AssetId, ReadingMessage Reading)> readings)
    {
        var buffer = new ArrayBufferWriter<byte>(4_096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("readings");
            foreach (var (assetId, reading) in readings)
            {
                reading.AssetId = assetId;
                JsonSerializer.Serialize(json, reading, TypeInfo(reading));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static JsonTypeInfo TypeInfo(ReadingMessage reading) => reading switch
    {
        BinMessage => PayloadJson.Default.BinMessage,
        StreetlightMessage => PayloadJson.Default.StreetlightMessage,
        IntersectionMessage => PayloadJson.Default.IntersectionMessage,
        TruckMessage => PayloadJson.Default.TruckMessage,
        AirQualityMessage => PayloadJson.Default.AirQualityMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading.GetType().Name, "a reading type without a JSON contract"),
    };
}
