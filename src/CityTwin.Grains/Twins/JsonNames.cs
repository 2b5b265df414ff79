using System.Text.Json;

namespace CityTwin.Grains.Twins;

/// <summary>Enum values as they appear in stored JSON and in FIWARE attributes: camelCase (defectiveLamp).</summary>
public static class JsonNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
