using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace CityTwin.Grains.Persistence;

/// <summary>
/// The one grain-state format of CityTwin: System.Text.Json, camelCase, enums as camelCase strings (FIWARE names such as defectiveLamp). Chosen once
/// and kept so that rows written by any release stay readable by later ones: unknown members are
/// ignored on read and missing ones take their defaults.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input) =>
        input.ToObjectFromJson<T>(Options)
        ?? throw new JsonException($"Stored state of {typeof(T).Name} deserialised to null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
