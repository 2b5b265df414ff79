using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Domain.Tests.Common;

/// <summary>The grain-state JSON options of CityTwin.Grains (JsonGrainStorageSerializer), for round trips.</summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
