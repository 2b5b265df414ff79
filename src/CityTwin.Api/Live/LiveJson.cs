using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Api.Live;

/// <summary>How live events and map data are written: web names, enums as camelCase strings.</summary>
internal static class LiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
