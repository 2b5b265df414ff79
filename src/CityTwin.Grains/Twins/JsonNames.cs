using System.Collections.Concurrent;
using System.Text.Json;

namespace CityTwin.Grains.Twins;

/// <summary>Enum values as they appear in stored JSON and in FIWARE attributes: camelCase (defectiveLamp).</summary>
public static class JsonNames
{
    /// <remarks>Each name is made once: twins ask for their status bands on every reading.</remarks>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.GetOrAdd(value, static v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> ByValue = new();
    }
}
