using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.AirQuality;

/// <summary>What makes air-quality parameters and readings acceptable.</summary>
public static class AirQualityValidation
{
    /// <summary>
    /// Particle counters of the kind cities deploy (e.g. Plantower PMS5003) specify a maximum range of at
    /// least 1000 µg/m³; the EAQI's worst band starts at 140 (PM2.5) and 270 (PM10).
    /// </summary>
    public const double MaxParticulates = 1000;

    /// <summary>Five times the EU alert threshold of 400 µg/m³ (Directive 2008/50/EC, Annex XII).</summary>
    public const double MaxNo2 = 2000;

    /// <summary>About four times the EU alert threshold of 240 µg/m³ (Directive 2008/50/EC, Annex XII).</summary>
    public const double MaxO3 = 1000;

    /// <summary>
    /// Below the coldest and above the hottest air any city has seen (the WMO's world record is 56.7 °C).
    /// </summary>
    public const double MinTemperature = -50, MaxTemperature = 60;

    public static IReadOnlyList<RuleViolation> Validate(AirQualityParameters parameters)
    {
        var violations = new List<RuleViolation>();
        if (parameters.MeasuredPollutants.Length == 0)
            violations.Add(new("measuredPollutants", "at least one of pm25, pm10, no2, o3 is required"));
        else if (parameters.MeasuredPollutants.Distinct().Count() != parameters.MeasuredPollutants.Length)
            violations.Add(new("measuredPollutants", "lists a pollutant twice"));
        if (parameters.MeasuredPollutants.Any(p => !Enum.IsDefined(p)))
            violations.Add(new("measuredPollutants", "holds a value that is not pm25, pm10, no2 or o3"));
        // Clearing looks back over completed hours, and the history holds 23 of them besides the current one.
        if (parameters.PoorAirClearHours is < 1 or > PollutantHistory.Hours - 1)
            violations.Add(new("poorAirClearHours", Invariant($"{parameters.PoorAirClearHours} is outside 1..{PollutantHistory.Hours - 1}")));
        return violations;
    }

    public static IReadOnlyList<RuleViolation> Validate(AirQualityReading reading, AirQualityParameters parameters)
    {
        var violations = new List<RuleViolation>();
        var anyPollutant = false;
        foreach (var pollutant in Enum.GetValues<Pollutant>())
        {
            if (reading.ValueOf(pollutant) is not { } value)
                continue;
            anyPollutant = true;
            var field = FieldName(pollutant);
            if (!parameters.MeasuredPollutants.Contains(pollutant))
                violations.Add(new(field, $"this sensor is not provisioned to measure {field}"));
            else
                CheckRange(violations, field, value, 0, MaximumOf(pollutant), " µg/m³");
        }
        if (!anyPollutant)
            violations.Add(new("pollutants", "at least one of pm25, pm10, no2, o3 is required"));
        if (reading.Temperature is { } temperature)
            CheckRange(violations, "temperature", temperature, MinTemperature, MaxTemperature, " °C");
        if (reading.RelativeHumidityPercent is { } humidity)
            CheckRange(violations, "relativeHumidity", humidity, 0, 100, " %");
        return violations;
    }

    /// <summary>The FIWARE attribute name.</summary>
    public static string FieldName(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => "pm25",
        Pollutant.Pm10 => "pm10",
        Pollutant.No2 => "no2",
        Pollutant.O3 => "o3",
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "not measured"),
    };

    private static double MaximumOf(Pollutant pollutant) => pollutant switch
    {
        Pollutant.No2 => MaxNo2,
        Pollutant.O3 => MaxO3,
        _ => MaxParticulates,
    };

    private static void CheckRange(List<RuleViolation> violations, string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            violations.Add(new(field, Invariant($"{value} is outside {min}..{max}{unit}")));
    }
}
