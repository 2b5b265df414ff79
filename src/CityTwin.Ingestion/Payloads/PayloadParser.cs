using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CityTwin.Ingestion.Payloads;

/// <summary>A reading that passed every check the broker can make without its twin.</summary>
public sealed record ParsedReading(int Index, string AssetId, AssetKind Kind, Contracts.Telemetry.DeviceStamp Stamp, object Telemetry);

/// <summary>A reading refused before any grain was called.</summary>
public sealed record RefusedReading(int Index, string? AssetId, IReadOnlyList<FieldError> Errors);

public sealed record BatchParse(IReadOnlyList<ParsedReading> Readings, IReadOnlyList<RefusedReading> Refused, FieldError? BatchError);

/// <summary>Turns payload bytes into readings, naming every field that is missing, malformed or out of range.</summary>
public static class PayloadParser
{
    public const int MaxBatchReadings = 500;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static (ParsedReading? Reading, IReadOnlyList<FieldError> Errors) ParseSingle(AssetKind kind, string assetId, ReadOnlySequence<byte> payload)
    {
        ReadingMessage? message;
        try
        {
            var reader = new Utf8JsonReader(payload, ReaderOptions);
            message = (ReadingMessage?)JsonSerializer.Deserialize(ref reader, TypeInfo(kind));
        }
        catch (JsonException e)
        {
            return (null, [Malformed(e)]);
        }
        if (message is null)
            return (null, [new FieldError("$", "the payload is JSON null, not a reading object")]);
        var errors = new FieldErrors();
        if (message.AssetId is { } named && named != assetId)
            errors.Add("assetId", $"'{named}' does not match the topic's asset '{assetId}'");
        if (message.Kind is { } namedKind && namedKind != kind.Segment())
            errors.Add("kind", $"'{namedKind}' does not match the topic's kind '{kind.Segment()}'");
        message.Validate(errors);
        return errors.Any
            ? (null, errors.All)
            : (new ParsedReading(0, assetId, kind, message.ToStamp(), message.ToTelemetry()), []);
    }

    /// <param name="kindOf">The kind of an asset the gateway speaks for; null when it does not speak for it.</param>
    /// <remarks>
    /// One document for the whole batch, whose readings are read in place: deserialising into a list of
    /// <see cref="JsonElement"/> made a document (and a copy of its bytes) for every reading.
    /// </remarks>
    public static BatchParse ParseBatch(ReadOnlySequence<byte> payload, Func<string, AssetKind?> kindOf)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new BatchParse([], [], Malformed(e));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                return new BatchParse([], [], new FieldError("$", $"malformed JSON: a batch is an object with 'readings', not {Describe(root.ValueKind)}"));
            if (root.ValueKind == JsonValueKind.Null || !root.TryGetProperty("readings", out var elements) || elements.ValueKind == JsonValueKind.Null)
                return new BatchParse([], [], new FieldError("readings", "is required"));
            if (elements.ValueKind != JsonValueKind.Array)
                return new BatchParse([], [], new FieldError("readings", $"malformed JSON: must be an array of readings, not {Describe(elements.ValueKind)}"));
            var count = elements.GetArrayLength();
            if (count == 0)
                return new BatchParse([], [], new FieldError("readings", "is empty"));
            if (count > MaxBatchReadings)
                return new BatchParse([], [], new FieldError("readings", $"{count} readings; at most {MaxBatchReadings} a batch"));

            var parsed = new List<ParsedReading>(count);
            List<RefusedReading>? refused = null;
            var index = 0;
            foreach (var element in elements.EnumerateArray())
            {
                var (reading, refusal) = ParseBatchElement(index++, element, kindOf);
                if (reading is not null)
                    parsed.Add(reading);
                else
                    (refused ??= []).Add(refusal!);
            }
            return new BatchParse(parsed, refused ?? (IReadOnlyList<RefusedReading>)[], null);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static (ParsedReading?, RefusedReading?) ParseBatchElement(int index, JsonElement element, Func<string, AssetKind?> kindOf)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, new RefusedReading(index, null, [new FieldError("$", "a reading must be a JSON object")]));
        string? assetId = element.TryGetProperty("assetId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (assetId is null)
            return (null, new RefusedReading(index, null, [new FieldError("assetId", "is required")]));
        if (kindOf(assetId) is not { } kind)
            return (null, new RefusedReading(index, assetId, [new FieldError("assetId", $"this gateway does not speak for '{assetId}'")]));
        ReadingMessage? message;
        try
        {
            message = (ReadingMessage?)element.Deserialize(TypeInfo(kind));
        }
        catch (JsonException e)
        {
            return (null, new RefusedReading(index, assetId, [Malformed(e)]));
        }
        var errors = new FieldErrors();
        if (message!.Kind is { } namedKind && namedKind != kind.Segment())
            errors.Add("kind", $"'{namedKind}' is not the kind of '{assetId}' ({kind.Segment()})");
        message.Validate(errors);
        return errors.Any
            ? (null, new RefusedReading(index, assetId, errors.All))
            : (new ParsedReading(index, assetId, kind, message.ToStamp(), message.ToTelemetry()), null);
    }

    /// <summary>The JSON contract of a single reading of <paramref name="kind"/>.</summary>
    internal static JsonTypeInfo TypeInfo(AssetKind kind) => kind switch
    {
        AssetKind.Bin => PayloadJson.Default.BinMessage,
        AssetKind.Streetlight => PayloadJson.Default.StreetlightMessage,
        AssetKind.Intersection => PayloadJson.Default.IntersectionMessage,
        AssetKind.Truck => PayloadJson.Default.TruckMessage,
        AssetKind.AirQuality => PayloadJson.Default.AirQualityMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static FieldError Malformed(JsonException e)
    {
        // The exception's own message names the path and byte position; keep it short for a reason string.
        var message = e.Message.Length > 200 ? e.Message[..200] : e.Message;
        return new FieldError(e.Path ?? "$", $"malformed JSON: {message}");
    }
}
