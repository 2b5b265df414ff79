using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Domain.Intersections;

/// <summary>Writes a ushort array as base64 of its little-endian bytes: 2.7 characters per value instead of up to 6.</summary>
internal sealed class UInt16ArrayBase64Converter : JsonConverter<ushort[]>
{
    public override ushort[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var bytes = reader.GetBytesFromBase64();
        if (bytes.Length % 2 != 0)
            throw new JsonException($"{bytes.Length} bytes cannot hold 16-bit values");
        var values = new ushort[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i));
        return values;
    }

    public override void Write(Utf8JsonWriter writer, ushort[] value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Length * 2];
        for (var i = 0; i < value.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), value[i]);
        writer.WriteBase64StringValue(bytes);
    }
}
