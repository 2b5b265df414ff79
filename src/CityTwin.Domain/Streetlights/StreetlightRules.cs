using CityTwin.Domain.Common;

namespace CityTwin.Domain.Streetlights;

/// <summary>
/// How a streetlight twin takes a reading or a level command. The methods update the state they are given
/// (the grain persists it afterwards) and do nothing else; time comes in as a parameter.
/// </summary>
public static class StreetlightRules
{
    /// <summary>
    /// Applies a reading taken at <paramref name="now"/>, which the caller has established is newer than the
    /// last one applied. A rejected reading leaves the state untouched.
    /// </summary>
    public static StreetlightOutcome Apply(
        StreetlightState state, StreetlightParameters parameters, StreetlightReading reading, DateTimeOffset now)
    {
        var violations = StreetlightValidation.Validate(reading, parameters);
        if (violations.Count > 0)
            return StreetlightOutcome.Rejected(violations);

        var previousPowerState = state.PowerState;
        var previousStatus = state.Status;
        var signals = new List<StreetlightSignal>();

        // The level the power is judged against: what the node says now, else what it was told, else what it
        // said last. A node that reports level 0 after a command has not applied it yet; that is no lamp fault.
        var level = reading.IlluminanceLevel ?? state.DesiredLevel ?? state.IlluminanceLevel ?? 0;
        var watts = reading.PowerConsumption ?? LampPowerModel.ExpectedWatts(parameters, level);
        var energyAdded = EnergyMeter.Accumulate(
            state, parameters, watts, LampPowerModel.IsLit(parameters, level, watts), now);

        if (reading.IlluminanceLevel is { } reported)
            state.IlluminanceLevel = reported;
        if (reading.PowerConsumption is { } measured)
        {
            state.PowerConsumption = measured;
            TrackHealth(state, parameters, LampPowerModel.Classify(parameters, level, measured), signals);
        }
        if (reading.AmbientLux is { } lux)
            state.AmbientLux = lux;
        if (reading.PresenceDetected is { } presence)
            state.PresenceDetected = presence;
        state.PowerState = reading.PowerState ?? PowerStateFor(level, parameters.LevelTolerance);

        var confirmed = ConfirmDesiredLevel(state, parameters, reading.IlluminanceLevel);
        state.History.Add(now, level, watts);
        state.LastReadingAt = now;

        return new StreetlightOutcome(
            [], state.PowerState != previousPowerState, state.Status != previousStatus, confirmed, energyAdded, signals);
    }

    /// <summary>
    /// Records a level command issued at <paramref name="issuedAt"/>. It stays unconfirmed until the node
    /// reports a level within <see cref="StreetlightParameters.LevelTolerance"/> of it.
    /// </summary>
    public static IReadOnlyList<RuleViolation> RequestLevel(StreetlightState state, double level, DateTimeOffset issuedAt)
    {
        var violations = StreetlightValidation.ValidateLevel(level);
        if (violations.Count > 0)
            return violations;
        state.DesiredLevel = level;
        state.DesiredLevelIssuedAt = issuedAt;
        state.DesiredLevelConfirmed = false;
        return violations;
    }

    /// <summary>
    /// Raises or clears a fault only after <see cref="StreetlightParameters.FaultConfirmationReadings"/>
    /// consecutive measurements agree, so a single glitch neither raises nor clears one.
    /// </summary>
    private static void TrackHealth(
        StreetlightState state, StreetlightParameters parameters, StreetlightStatus symptom, List<StreetlightSignal> signals)
    {
        if (symptom == state.Symptom)
        {
            state.SymptomStreak = Math.Min(state.SymptomStreak + 1, parameters.FaultConfirmationReadings);
        }
        else
        {
            state.Symptom = symptom;
            state.SymptomStreak = 1;
        }

        if (state.SymptomStreak < parameters.FaultConfirmationReadings || state.Status == symptom)
            return;
        if (state.Status != StreetlightStatus.Ok)
            signals.Add(new(SignalCode(state.Status), Raised: false));
        if (symptom != StreetlightStatus.Ok)
            signals.Add(new(SignalCode(symptom), Raised: true));
        state.Status = symptom;
    }

    private static string SignalCode(StreetlightStatus status) => status switch
    {
        StreetlightStatus.DefectiveLamp => StreetlightSignal.DefectiveLamp,
        StreetlightStatus.ColumnIssue => StreetlightSignal.ColumnIssue,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a fault"),
    };

    /// <summary>Returns true when this reading turns a pending command into a confirmed one.</summary>
    private static bool ConfirmDesiredLevel(StreetlightState state, StreetlightParameters parameters, double? reportedLevel)
    {
        if (state.DesiredLevel is not { } desired || reportedLevel is not { } reported)
            return false;
        var wasConfirmed = state.DesiredLevelConfirmed;
        // A node that later reports another level (local override, reboot to default) is unconfirmed again.
        state.DesiredLevelConfirmed = Math.Abs(reported - desired) <= parameters.LevelTolerance;
        return state.DesiredLevelConfirmed && !wasConfirmed;
    }

    /// <summary>Off at zero, on at full (within tolerance), low in between.</summary>
    private static PowerState PowerStateFor(double level, double tolerance) =>
        level <= 0 ? PowerState.Off
        : level >= 1 - tolerance ? PowerState.On
        : PowerState.Low;
}
