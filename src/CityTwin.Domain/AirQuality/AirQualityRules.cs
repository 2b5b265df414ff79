using CityTwin.Domain.Common;

namespace CityTwin.Domain.AirQuality;

/// <summary>
/// How an air-quality twin takes readings and drift verdicts. The methods update the state they are given
/// (the grain persists it afterwards) and do nothing else; time comes in as a parameter.
/// <para>
/// What is computed: every reading goes into its UTC clock hour's running mean, per pollutant, for the last
/// 24 hours. The European Air Quality Index is defined on hourly means, so the level is that of the last
/// completed hour (the hour before the one <c>now</c> falls in): it changes once an hour, when the first
/// reading of a new hour arrives, and a glitch within an hour is averaged with the rest. If that hour had no
/// readings the level is unknown (null) rather than carried over from older hours.
/// </para>
/// </summary>
public static class AirQualityRules
{
    /// <summary>
    /// A 24-hour mean needs 75 % of its hourly values, at least 18 (Directive 2008/50/EC, Annex XI, criteria
    /// for aggregating data).
    /// </summary>
    public const int MinHoursForDailyMean = 18;

    /// <summary>
    /// Applies a reading taken at <paramref name="now"/>, which the caller has established is newer than the
    /// last one applied. A rejected reading leaves the state untouched.
    /// </summary>
    public static AirQualityOutcome Apply(
        AirQualityState state, AirQualityParameters parameters, AirQualityReading reading, DateTimeOffset now)
    {
        var violations = AirQualityValidation.Validate(reading, parameters);
        if (violations.Count > 0)
            return AirQualityOutcome.Rejected(violations);

        var hour = HourOf(now);
        var hourIsHeld = MoveWindowTo(state, hour);
        foreach (var pollutant in Enum.GetValues<Pollutant>())
        {
            if (reading.ValueOf(pollutant) is not { } value)
                continue;
            state.SetLatest(pollutant, value);
            if (hourIsHeld)
                state.HourlyOf(pollutant).Add(hour, value);
        }
        if (reading.Temperature is { } temperature)
            state.Temperature = temperature;
        if (reading.RelativeHumidityPercent is { } humidity)
            state.RelativeHumidity = humidity / 100;
        state.LastReadingAt = now;

        var previousLevel = state.AirQualityLevel;
        var (level, dominant) = LevelOfHour(state, hour - 1);
        state.AirQualityLevel = level;
        state.DominantPollutant = dominant;
        state.LevelHour = level is null ? null : StartOf(hour - 1);

        var signals = new List<AirQualitySignal>();
        TrackPoorAir(state, parameters, hour, signals);
        return new AirQualityOutcome([], level, level != previousLevel, signals);
    }

    /// <summary>
    /// The hourly means of the 24 hours ending with the hour that contains <paramref name="lastHour"/>,
    /// oldest first, NaN where there is no value: the series that <see cref="DriftDetector"/> compares
    /// between neighbours aligned on the same hours.
    /// </summary>
    public static float[] HourlyMeans(AirQualityState state, Pollutant pollutant, DateTimeOffset lastHour)
    {
        var end = HourOf(lastHour);
        var means = new float[PollutantHistory.Hours];
        for (var i = 0; i < means.Length; i++)
        {
            means[i] = MeanOf(state, pollutant, end - (means.Length - 1) + i) ?? float.NaN;
        }
        return means;
    }

    /// <summary>
    /// Mean of the hourly means over the 24 hours ending with the current one (which counts with the readings
    /// it has so far); null when fewer than <see cref="MinHoursForDailyMean"/> of them have data. Not part
    /// of the index: this is the averaging period of the WHO 24-hour guideline and the EU daily limit value.
    /// </summary>
    public static double? RunningDailyMean(AirQualityState state, Pollutant pollutant, DateTimeOffset now)
    {
        var present = HourlyMeans(state, pollutant, now).Where(float.IsFinite).ToList();
        return present.Count >= MinHoursForDailyMean ? present.Average(m => (double)m) : null;
    }

    /// <summary>
    /// Records the district's drift verdict for one pollutant; returns a signal when the suspicion is raised
    /// or cleared. An inconclusive assessment (too few common hours) changes nothing.
    /// </summary>
    public static IReadOnlyList<AirQualitySignal> ApplyDrift(AirQualityState state, Pollutant pollutant, DriftAssessment assessment)
    {
        if (!assessment.Conclusive)
            return [];
        var history = state.HourlyOf(pollutant);
        history.DriftRatio = assessment.MedianRatio is { } ratio ? (float)ratio : null;
        if (history.DriftSuspect == assessment.Suspect)
            return [];
        history.DriftSuspect = assessment.Suspect;
        return [new(AirQualitySignal.Drift, assessment.Suspect, pollutant)];
    }

    /// <summary>
    /// Raised as soon as a completed hour is poor or worse; cleared only after
    /// <see cref="AirQualityParameters.PoorAirClearHours"/> consecutive completed hours known to be better.
    /// </summary>
    private static void TrackPoorAir(AirQualityState state, AirQualityParameters parameters, long hour, List<AirQualitySignal> signals)
    {
        if (!state.PoorAirAlert)
        {
            if (state.AirQualityLevel >= AirQualityLevel.Poor)
            {
                state.PoorAirAlert = true;
                signals.Add(new(AirQualitySignal.PoorAir, Raised: true));
            }
            return;
        }
        for (var back = 1; back <= parameters.PoorAirClearHours; back++)
        {
            if (LevelOfHour(state, hour - back).Level is not < AirQualityLevel.Poor)
                return;
        }
        state.PoorAirAlert = false;
        signals.Add(new(AirQualitySignal.PoorAir, Raised: false));
    }

    /// <summary>The worst pollutant's level in an hour, over the pollutants with data in it.</summary>
    private static (AirQualityLevel? Level, Pollutant? Dominant) LevelOfHour(AirQualityState state, long hour)
    {
        AirQualityLevel? worst = null;
        Pollutant? dominant = null;
        foreach (var pollutant in Enum.GetValues<Pollutant>())
        {
            if (MeanOf(state, pollutant, hour) is not { } mean)
                continue;
            var level = EuropeanAirQualityIndex.LevelOf(pollutant, mean);
            if (worst is null || level > worst)
            {
                worst = level;
                dominant = pollutant;
            }
        }
        return (worst, dominant);
    }

    private static float? MeanOf(AirQualityState state, Pollutant pollutant, long hour) =>
        state.NewestHour is { } newestStart && IsHeld(HourOf(newestStart), hour)
            ? state.HourlyOf(pollutant).MeanOf(hour)
            : null;

    private static bool IsHeld(long newest, long hour) => hour <= newest && hour > newest - PollutantHistory.Hours;

    /// <summary>
    /// Makes <paramref name="hour"/> the newest held hour, emptying the slots of the hours it skips. Returns
    /// false for an hour already older than the window, whose slot now belongs to a later hour.
    /// </summary>
    private static bool MoveWindowTo(AirQualityState state, long hour)
    {
        var newest = state.NewestHour is { } start ? HourOf(start) : hour - PollutantHistory.Hours;
        if (hour <= newest)
            return IsHeld(newest, hour);
        for (var h = Math.Max(newest + 1, hour - PollutantHistory.Hours + 1); h <= hour; h++)
        {
            foreach (var pollutant in Enum.GetValues<Pollutant>())
            {
                state.HourlyOf(pollutant).Clear(h);
            }
        }
        state.NewestHour = StartOf(hour);
        return true;
    }

    private static long HourOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 3600;

    private static DateTimeOffset StartOf(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);
}
