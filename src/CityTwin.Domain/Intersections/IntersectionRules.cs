using CityTwin.Domain.Common;

namespace CityTwin.Domain.Intersections;

/// <summary>Validates an intersection's readings and applies them to its twin.</summary>
public static class IntersectionRules
{
    public const double MaxIntensity = 10_000;
    public const double MaxAverageVehicleSpeedKmh = 200;
    public const int MaxQueueLength = 1_000;
    public const int MaxTravelTimeSamples = 32;
    public const double MaxTravelTimeSeconds = 3_600;

    /// <summary>
    /// The district hears of a new next-hour forecast when it differs from the last one it heard by more than
    /// this many veh/h and by more than <see cref="ForecastMoveFraction"/> of it: the absolute floor keeps quiet
    /// roads quiet, the fraction scales to busy ones.
    /// </summary>
    public const double ForecastMoveThreshold = 150;
    public const double ForecastMoveFraction = 0.25;
    public static readonly TimeSpan ForecastSignalHorizon = TimeSpan.FromHours(1);

    /// <summary>
    /// A state shaped for <paramref name="parameters"/>. Approaches and segments whose ids are in
    /// <paramref name="previous"/> keep their history, so re-provisioning does not forget learned profiles.
    /// </summary>
    public static IntersectionState CreateState(IntersectionParameters parameters, IntersectionState? previous = null)
    {
        var state = new IntersectionState
        {
            Approaches = parameters.Approaches
                .Select(p => previous?.Approaches.FirstOrDefault(a => a.Id == p.Id) ?? new ApproachState { Id = p.Id })
                .ToArray(),
            Segments = parameters.OutgoingSegments
                .Select(s => previous?.Segments.FirstOrDefault(h => h.Id == s.Id) ?? new SegmentTravelState { Id = s.Id })
                .ToArray(),
        };
        state.Congested = CongestionModel.Worst(state.Approaches.Select(a => a.Congested));
        state.SignalPlan = SignalPlanning.Plan(parameters, state.Approaches.Select(a => a.Intensity).ToArray());
        return state;
    }

    public static IReadOnlyList<RuleViolation> Validate(IntersectionParameters parameters, IntersectionReading? reading)
    {
        var violations = new List<RuleViolation>();
        if (reading is null)
        {
            violations.Add(new("reading", "is required"));
            return violations;
        }

        ValidateApproaches(parameters, reading.Approaches, violations);
        ValidateTravelTimes(parameters, reading.TravelTimes, violations);
        return violations;
    }

    /// <summary>
    /// Applies a valid reading observed at <paramref name="observedAt"/>, updating <paramref name="state"/> in place
    /// (the profiles are kilobytes; copying them per reading buys nothing), and says what changed.
    /// </summary>
    /// <param name="zone">The district's time zone, in which the profiles' weekdays and hours are counted.</param>
    /// <exception cref="ArgumentException">The reading breaks a rule of <see cref="Validate"/>.</exception>
    /// <exception cref="InvalidOperationException">The state was created for other parameters.</exception>
    public static IntersectionOutcome Apply(
        IntersectionParameters parameters,
        IntersectionState state,
        IntersectionReading reading,
        DateTimeOffset observedAt,
        TimeZoneInfo zone)
    {
        EnsureMatches(parameters, state);
        if (Validate(parameters, reading) is [var first, ..])
            throw new ArgumentException($"{first.Field} {first.Message}", nameof(reading));

        var signals = new List<IntersectionSignal>();
        var levelChanges = new List<ApproachLevelChange>();
        foreach (var observed in reading.Approaches)
        {
            var index = Array.FindIndex(state.Approaches, a => a.Id == observed.ApproachId);
            var approach = state.Approaches[index];
            if (observed.Incident != approach.Incident)
                signals.Add(new(IntersectionSignalCodes.Incident, observed.Incident, approach.Id));

            var level = CongestionModel.Classify(observed.Intensity, observed.Occupancy, observed.AverageVehicleSpeed,
                parameters.Approaches[index].FreeFlowSpeedKmh, approach.Congested);
            if (level != approach.Congested)
                levelChanges.Add(new(approach.Id, approach.Congested, level));

            approach.Intensity = observed.Intensity;
            approach.Occupancy = observed.Occupancy;
            approach.AverageVehicleSpeed = observed.AverageVehicleSpeed;
            approach.QueueLength = observed.QueueLength;
            approach.Incident = observed.Incident;
            approach.Congested = level;
            FlowProfileRules.Learn(approach.Profile, observedAt, zone, observed.Intensity);
            Remember(approach.Recent, observedAt, observed.Intensity);

            if (ForecastMoved(approach, observedAt, zone) is { } raised)
                signals.Add(new(IntersectionSignalCodes.ForecastMoved, raised, approach.Id));
        }

        var samples = reading.TravelTimes ?? [];
        foreach (var sample in samples)
            TravelTimes.Record(state.Segments.First(s => s.Id == sample.SegmentId), observedAt, sample.Seconds);

        var previous = state.Congested;
        state.Congested = CongestionModel.Worst(state.Approaches.Select(a => a.Congested));
        if (state.Congested != previous)
        {
            signals.Add(new(IntersectionSignalCodes.CongestionChanged, state.Congested > previous));
            if (state.Congested == CongestionLevel.Gridlock || previous == CongestionLevel.Gridlock)
                signals.Add(new(IntersectionSignalCodes.Gridlock, state.Congested == CongestionLevel.Gridlock));
        }

        var demand = state.Approaches.Select(a => FlowForecasting.RecentMean(a.Recent, observedAt) ?? a.Intensity).ToArray();
        var plan = SignalPlanning.Plan(parameters, demand);
        var planChanged = SignalPlanning.DiffersMaterially(state.SignalPlan, plan);
        if (planChanged)
            state.SignalPlan = plan;

        return new(previous, state.Congested, levelChanges, planChanged, samples.Count, signals);
    }

    internal static void EnsureMatches(IntersectionParameters parameters, IntersectionState state)
    {
        if (!state.Approaches.Select(a => a.Id).SequenceEqual(parameters.Approaches.Select(a => a.Id))
            || !state.Segments.Select(s => s.Id).SequenceEqual(parameters.OutgoingSegments.Select(s => s.Id)))
            throw new InvalidOperationException(
                "The state was created for other parameters; carry it over with CreateState(parameters, state).");
    }

    private static void Remember(RecentFlow recent, DateTimeOffset at, double intensity)
    {
        var count = recent.Count;
        BoundedHistory.Push(recent.At, recent.Intensity, ref count, at.ToUnixTimeSeconds(), BoundedHistory.Quantise(intensity));
        recent.Count = count;
    }

    /// <summary>True if the next-hour forecast moved up past the threshold, false if down, null if it did not move enough.</summary>
    private static bool? ForecastMoved(ApproachState approach, DateTimeOffset now, TimeZoneInfo zone)
    {
        var forecast = FlowForecasting.Forecast(approach, now, ForecastSignalHorizon, zone).Intensity;
        var baseline = approach.SignalledForecast;
        if (Math.Abs(forecast - baseline) <= Math.Max(ForecastMoveThreshold, ForecastMoveFraction * baseline))
            return null;
        approach.SignalledForecast = Math.Round(forecast);
        return forecast > baseline;
    }

    private static void ValidateApproaches(
        IntersectionParameters parameters, IReadOnlyList<ApproachReading>? approaches, List<RuleViolation> violations)
    {
        if (approaches is null || approaches.Count == 0)
        {
            violations.Add(new("approaches", "must describe at least one approach"));
            return;
        }

        var known = parameters.Approaches.Select(a => a.Id).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < approaches.Count; i++)
        {
            // Field names are built only for a violation: this runs for every approach of every reading.
            var approach = approaches[i];
            if (approach is null)
            {
                violations.Add(new($"approaches[{i}]", "is required"));
                continue;
            }

            if (!known.Contains(approach.ApproachId))
                violations.Add(new($"approaches[{i}].approachId",
                    $"'{approach.ApproachId}' is not an approach of this intersection ({string.Join(", ", known)})"));
            else if (!seen.Add(approach.ApproachId))
                violations.Add(new($"approaches[{i}].approachId", $"'{approach.ApproachId}' appears more than once"));

            CheckRange(approach.Intensity, 0, MaxIntensity, "veh/h", i, "intensity", violations);
            CheckRange(approach.Occupancy, 0, 1, "", i, "occupancy", violations);
            CheckRange(approach.AverageVehicleSpeed, 0, MaxAverageVehicleSpeedKmh, "km/h", i, "averageVehicleSpeed", violations);
            if (approach.QueueLength is < 0 or > MaxQueueLength)
                violations.Add(new($"approaches[{i}].queueLength", $"{approach.QueueLength} is outside 0..{MaxQueueLength} vehicles"));
        }
    }

    private static void ValidateTravelTimes(
        IntersectionParameters parameters, IReadOnlyList<TravelTimeSample>? samples, List<RuleViolation> violations)
    {
        if (samples is null)
            return;
        if (samples.Count > MaxTravelTimeSamples)
        {
            violations.Add(new("travelTimes", $"has {samples.Count} samples; at most {MaxTravelTimeSamples} per reading"));
            return;
        }

        for (var i = 0; i < samples.Count; i++)
        {
            var field = $"travelTimes[{i}]";
            var sample = samples[i];
            if (sample is null)
            {
                violations.Add(new(field, "is required"));
                continue;
            }

            var segment = parameters.OutgoingSegments.FirstOrDefault(s => s.Id == sample.SegmentId);
            if (segment is null)
                violations.Add(new($"{field}.segmentId", $"'{sample.SegmentId}' is not a segment leaving this intersection"));
            if (!double.IsFinite(sample.Seconds) || sample.Seconds <= 0 || sample.Seconds > MaxTravelTimeSeconds)
                violations.Add(new($"{field}.seconds", $"{sample.Seconds} must be more than 0 and at most {MaxTravelTimeSeconds} s"));
            else if (segment is not null && sample.Seconds < Fastest(segment))
                violations.Add(new($"{field}.seconds",
                    $"{sample.Seconds} s over {segment.LengthMetres} m is faster than {MaxAverageVehicleSpeedKmh} km/h; at least {Math.Ceiling(Fastest(segment))} s"));
        }
    }

    private static double Fastest(OutgoingSegment segment) => segment.LengthMetres * 3.6 / MaxAverageVehicleSpeedKmh;

    private static void CheckRange(double value, double min, double max, string unit, int approach, string measure, List<RuleViolation> violations)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            CheckRange(value, min, max, unit, $"approaches[{approach}].{measure}", violations);
    }

    private static void CheckRange(double value, double min, double max, string unit, string field, List<RuleViolation> violations)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            violations.Add(new(field, $"{value} is outside {min}..{max}{(unit.Length > 0 ? " " + unit : "")}"));
    }
}
