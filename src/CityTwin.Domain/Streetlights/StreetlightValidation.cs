using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.Streetlights;

/// <summary>What makes streetlight parameters and readings acceptable.</summary>
public static class StreetlightValidation
{
    /// <summary>From a 1 W bollard LED to a 2 kW sports-field floodlight.</summary>
    public const double MinRatedPowerWatts = 1, MaxRatedPowerWatts = 2000;

    /// <summary>
    /// Commission Regulation (EU) 2019/2020 (ecodesign for light sources and separate control gear) allows
    /// 0.5 W of networked standby; older nodes with a modem draw a few watts, hence the 10 W ceiling.
    /// </summary>
    public const double MaxStandbyPowerWatts = 10;

    /// <summary>
    /// Direct sunlight reaches about 100 000 to 120 000 lux; anything above this is a sensor fault.
    /// </summary>
    public const double MaxAmbientLux = 150_000;

    /// <summary>
    /// A lamp cannot draw twice its rating; such a value is a unit error (mW, kW) rather than a measurement.
    /// </summary>
    public const double MaxPowerFactorOfRated = 2;

    public static IReadOnlyList<RuleViolation> Validate(StreetlightParameters parameters)
    {
        var violations = new List<RuleViolation>();
        CheckRange(violations, "ratedPower", parameters.RatedPowerWatts, MinRatedPowerWatts, MaxRatedPowerWatts, " W");
        CheckRange(violations, "standbyPower", parameters.StandbyPowerWatts, 0, MaxStandbyPowerWatts, " W");
        CheckRange(violations, "powerTolerance", parameters.PowerTolerance, 0.02, 0.5, "");
        CheckRange(violations, "levelTolerance", parameters.LevelTolerance, 0, 0.2, "");
        if (parameters.FaultConfirmationReadings is < 1 or > 20)
            violations.Add(new("faultConfirmationReadings", Invariant($"{parameters.FaultConfirmationReadings} is outside 1..20")));
        if (parameters.ReportingInterval < TimeSpan.FromSeconds(10) || parameters.ReportingInterval > TimeSpan.FromHours(24))
            violations.Add(new("reportingInterval", Invariant($"{parameters.ReportingInterval} is outside 00:00:10..1.00:00:00")));
        if (parameters.MaxGapIntervals is < 1 or > 100)
            violations.Add(new("maxGapIntervals", Invariant($"{parameters.MaxGapIntervals} is outside 1..100")));
        return violations;
    }

    public static IReadOnlyList<RuleViolation> Validate(StreetlightReading reading, StreetlightParameters parameters)
    {
        var violations = new List<RuleViolation>();
        if (reading is { PowerState: null, IlluminanceLevel: null, PowerConsumption: null, AmbientLux: null, PresenceDetected: null })
            violations.Add(new("reading", "carries no value"));
        if (reading.PowerState is { } state && !Enum.IsDefined(state))
            violations.Add(new("powerState", Invariant($"{(int)state} is not on, off, low or bootingUp")));
        if (reading.IlluminanceLevel is { } level)
            CheckRange(violations, "illuminanceLevel", level, 0, 1, "");
        if (reading.PowerConsumption is { } watts)
        {
            var max = MaxPowerFactorOfRated * parameters.RatedPowerWatts + parameters.StandbyPowerWatts;
            CheckRange(violations, "powerConsumption", watts, 0, max, " W");
        }
        if (reading.AmbientLux is { } lux)
            CheckRange(violations, "ambientLux", lux, 0, MaxAmbientLux, " lx");
        return violations;
    }

    /// <summary>A commanded level, 0..1.</summary>
    public static IReadOnlyList<RuleViolation> ValidateLevel(double level)
    {
        var violations = new List<RuleViolation>();
        CheckRange(violations, "desiredLevel", level, 0, 1, "");
        return violations;
    }

    private static void CheckRange(List<RuleViolation> violations, string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            violations.Add(new(field, Invariant($"{value} is outside {min}..{max}{unit}")));
    }
}
