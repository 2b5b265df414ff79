using CityTwin.Domain.AirQuality;

namespace CityTwin.Grains.AirQuality;

/// <summary>Pollutants as contracts name them (the FIWARE attributes pm25, pm10, no2, o3).</summary>
internal static class Pollutants
{
    private static readonly Dictionary<string, Pollutant> ByName =
        Enum.GetValues<Pollutant>().ToDictionary(AirQualityValidation.FieldName, StringComparer.Ordinal);

    public static string Known { get; } = string.Join(", ", ByName.Keys);

    public static bool TryParse(string? name, out Pollutant pollutant) =>
        ByName.TryGetValue(name ?? "", out pollutant);

    public static Pollutant Parse(string name) =>
        TryParse(name, out var pollutant) ? pollutant : throw new ArgumentException($"'{name}' is not one of {Known}", nameof(name));

    public static PollutantHistory HistoryOf(AirQualityState state, Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => state.Pm25Hourly,
        Pollutant.Pm10 => state.Pm10Hourly,
        Pollutant.No2 => state.No2Hourly,
        Pollutant.O3 => state.O3Hourly,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, null),
    };
}
