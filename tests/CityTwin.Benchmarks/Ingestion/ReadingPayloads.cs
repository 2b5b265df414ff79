using System.Buffers;
using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Streetlights;
using CityTwin.Ingestion.Payloads;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>A twin a benchmark gateway speaks for, and how many readings were sent for it.</summary>
public sealed class BenchAsset(int index, string assetId, AssetKind kind, string topic)
{
    /// <summary>The twin's number in the city mix, which also chooses its values.</summary>
    public int Index { get; } = index;

    public string AssetId { get; } = assetId;

    public AssetKind Kind { get; } = kind;

    /// <summary>Its single-reading topic, which its gateway may publish on.</summary>
    public string Topic { get; } = topic;

    /// <summary>The sequence number of the last reading made; the next one is one more (boot epoch 1).</summary>
    public long Sequence { get; set; }
}

/// <summary>
/// Readings as devices write them, built with the ingestion's own payload classes and JSON context so
/// that what is sent is what the host parses. Values follow the twin benchmarks' workloads: plausible,
/// varying, never refused.
/// </summary>
public static class ReadingPayloads
{
    private static readonly string[] Directions = ["n", "e", "s", "w"];

    /// <summary>The next reading of <paramref name="asset"/>, stamped <paramref name="deviceTime"/>.</summary>
    /// <param name="named">In a gateway batch each reading names its asset.</param>
    public static ReadingMessage Next(BenchAsset asset, DateTimeOffset deviceTime, bool named)
    {
        var round = ++asset.Sequence;
        var message = Values(asset, round);
        message.Ts = deviceTime;
        message.Boot = 1;
        message.Seq = round;
        message.AssetId = named ? asset.AssetId : null;
        return message;
    }

    public static byte[] Single(BenchAsset asset, DateTimeOffset deviceTime) =>
        JsonSerializer.SerializeToUtf8Bytes(Next(asset, deviceTime, named: false), PayloadParser.TypeInfo(asset.Kind));

    /// <summary>A gateway batch, <c>{"readings":[...]}</c>, one reading for each of <paramref name="assets"/>.</summary>
    public static byte[] Batch(IReadOnlyList<BenchAsset> assets, DateTimeOffset deviceTime)
    {
        var buffer = new ArrayBufferWriter<byte>(assets.Count * 200);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("readings");
            foreach (var asset in assets)
                JsonSerializer.Serialize(writer, Next(asset, deviceTime, named: true), PayloadParser.TypeInfo(asset.Kind));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static ReadingMessage Values(BenchAsset asset, long round)
    {
        var index = asset.Index;
        var wave = 1 + Math.Sin(round / 8.0);
        switch (asset.Kind)
        {
            case AssetKind.Streetlight:
                var level = round % 4 == 0 ? 0.3 : 1.0;
                return new StreetlightMessage
                {
                    PowerState = LightPowerState.On,
                    IlluminanceLevel = level,
                    PowerConsumption = 0.5 + (60 + index % 5 * 20) * level,
                    AmbientLux = 2 + round % 7,
                    PresenceDetected = round % 3 == 0,
                };
            case AssetKind.Bin:
                var fill = Math.Min(0.95, round % 20 * 0.045 + index % 7 * 0.01);
                return new BinMessage
                {
                    DistanceCm = 120 * (1 - fill),
                    CargoWeight = 200 * fill,
                    Temperature = 10 + round % 5,
                    CollectionId = round % 20 == 0 ? $"c-{round}" : null,
                };
            case AssetKind.AirQuality:
                return new AirQualityMessage { Pm25 = 8 * wave, Pm10 = 15 * wave, No2 = 20 * wave, O3 = 60 + 10 * wave, Temperature = 12, RelativeHumidity = 70 };
            case AssetKind.Intersection:
                return new IntersectionMessage
                {
                    Approaches = [.. Directions.Select((d, i) => new ApproachMessage
                    {
                        ApproachId = $"in-{d}",
                        Intensity = 300 * wave + 50 * i,
                        Occupancy = 0.1 * wave,
                        AverageVehicleSpeed = 45 - 10 * wave,
                        QueueLength = (int)(4 * wave),
                    })],
                };
            case AssetKind.Truck:
                return new TruckMessage
                {
                    Location = new LocationMessage { Latitude = 52.375 + 0.0005 * (round % 20), Longitude = 4.90 + 0.0003 * (index % 10) },
                    Speed = 25 + round % 10,
                    Heading = 0,
                    CargoWeight = 100.0 * (round % 50),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(asset), asset.Kind, null);
        }
    }
}
