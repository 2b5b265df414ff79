using CityTwin.Contracts.AirQuality;
using CityTwin.Domain.AirQuality;
using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Grains.AirQuality;

/// <summary>
/// Hourly means between the domain (float, NaN where missing) and the contracts (double, null where missing).
/// </summary>
internal static class HourlySeries
{
    private const string NeighboursField = "neighbourHourlyMeans";

    public static IReadOnlyList<double?> ToContract(float[] means) => [.. means.Select(mean => Reported(mean))];

    public static IReadOnlyList<float> ToDomain(IReadOnlyList<double?> means) =>
        [.. means.Select(mean => mean is { } value ? (float)value : float.NaN)];

    /// <summary>
    /// Means are stored as float; through decimal they come out with the float's seven significant digits
    /// (12.3, not 12.300000190734863).
    /// </summary>
    public static double? Reported(float? mean) =>
        mean is { } value && float.IsFinite(value) ? (double)(decimal)value : null;

    /// <summary>Neighbours' series must look like what <see cref="IAirQualityGrain.GetHourlyMeans"/> returns.</summary>
    public static IReadOnlyList<RuleViolation> Validate(IReadOnlyList<IReadOnlyList<double?>>? neighbours)
    {
        if (neighbours is null)
            return [new(NeighboursField, "is required")];
        var violations = new List<RuleViolation>();
        for (var i = 0; i < neighbours.Count; i++)
        {
            var field = Invariant($"{NeighboursField}[{i}]");
            if (neighbours[i] is not { } series)
                violations.Add(new(field, "is required"));
            else if (series.Count > PollutantHistory.Hours)
                violations.Add(new(field, Invariant($"has {series.Count} hourly means; at most {PollutantHistory.Hours} are compared")));
            else if (series.Any(mean => mean is { } value && (!double.IsFinite(value) || value < 0)))
                violations.Add(new(field, "holds a mean that is negative or not a number"));
        }
        return violations;
    }

    /// <summary>The held hours up to the one <paramref name="now"/> falls in, oldest first, that have any data.</summary>
    public static IReadOnlyList<HourlyAirSample> Samples(AirQualityState air, DateTimeOffset now)
    {
        var pm25 = AirQualityRules.HourlyMeans(air, Pollutant.Pm25, now);
        var pm10 = AirQualityRules.HourlyMeans(air, Pollutant.Pm10, now);
        var no2 = AirQualityRules.HourlyMeans(air, Pollutant.No2, now);
        var o3 = AirQualityRules.HourlyMeans(air, Pollutant.O3, now);
        var currentHour = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var samples = new List<HourlyAirSample>();
        for (var i = 0; i < PollutantHistory.Hours; i++)
        {
            var sample = new HourlyAirSample(
                currentHour.AddHours(i - (PollutantHistory.Hours - 1)), Reported(pm25[i]), Reported(pm10[i]), Reported(no2[i]), Reported(o3[i]));
            if (sample is not { Pm25: null, Pm10: null, No2: null, O3: null })
                samples.Add(sample);
        }
        return samples;
    }
}
