using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Ingestion.Payloads;

/// <summary>
/// Source-generated JSON for everything that crosses MQTT. Property names are camelCase (FIWARE), enums are
/// strings, numbers must be numbers (a quoted number is malformed), and nesting is shallow.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 16)]
[JsonSerializable(typeof(BinMessage))]
[JsonSerializable(typeof(StreetlightMessage))]
[JsonSerializable(typeof(IntersectionMessage))]
[JsonSerializable(typeof(TruckMessage))]
[JsonSerializable(typeof(AirQualityMessage))]
[JsonSerializable(typeof(BatchMessage))]
[JsonSerializable(typeof(BatchResultMessage))]
public sealed partial class PayloadJson : JsonSerializerContext;
