using CityTwin.Domain.Common;

namespace CityTwin.Domain.Intersections;

/// <summary>What makes an intersection's provisioning acceptable, and the values derived from it.</summary>
public static class IntersectionParametersRules
{
    public const int MinApproaches = 2;
    public const int MaxApproaches = 8;
    public const int MaxOutgoingSegments = 8;
    public const int MaxLanes = 6;
    public const int MaxPhaseNumber = 7;
    public const double MinFreeFlowSpeedKmh = 5;
    public const double MaxFreeFlowSpeedKmh = 130;
    public const double MaxSegmentLengthMetres = 20_000;
    public const int MinCycleLimitSeconds = 20;
    public const int MaxCycleLimitSeconds = 240;
    public const int MaxMinGreenSeconds = 60;
    public const int MaxLostTimePerPhaseSeconds = 10;

    /// <summary>HCM's base saturation flow for a through lane (1,900 pc/h/ln) less typical urban adjustments.</summary>
    public const double DefaultSaturationFlowPerLane = 1800;

    /// <summary>Per-lane saturation flows outside this range are typing errors, not intersections.</summary>
    public const double MinSaturationFlowPerLane = 600;
    public const double MaxSaturationFlowPerLane = 2400;

    public static double SaturationFlow(ApproachParameters approach) =>
        approach.SaturationFlow ?? DefaultSaturationFlowPerLane * approach.Lanes;

    /// <summary>Phase numbers in ascending order, each with the indexes of the approaches it serves.</summary>
    public static IReadOnlyList<(int Phase, int[] Approaches)> Phases(IntersectionParameters parameters) =>
        parameters.Approaches
            .Select((approach, index) => (Phase: approach.Phase ?? index, Index: index))
            .GroupBy(p => p.Phase, p => p.Index)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.ToArray()))
            .ToArray();

    public static IReadOnlyList<RuleViolation> Validate(IntersectionParameters? parameters)
    {
        var violations = new List<RuleViolation>();
        if (parameters is null)
        {
            violations.Add(new("parameters", "are required"));
            return violations;
        }

        ValidateApproaches(parameters.Approaches, violations);
        ValidateSegments(parameters.OutgoingSegments, violations);
        ValidateSignalLimits(parameters, violations);
        return violations;
    }

    private static void ValidateApproaches(IReadOnlyList<ApproachParameters>? approaches, List<RuleViolation> violations)
    {
        if (approaches is null || approaches.Count is < MinApproaches or > MaxApproaches)
        {
            violations.Add(new("approaches", $"lists {approaches?.Count ?? 0}; an intersection has {MinApproaches} to {MaxApproaches} approaches"));
            if (approaches is null)
                return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < approaches.Count; i++)
        {
            var field = $"approaches[{i}]";
            var approach = approaches[i];
            if (approach is null)
            {
                violations.Add(new(field, "is required"));
                continue;
            }

            if (IntersectionIds.CheckLocalId(approach.Id) is { } idProblem)
                violations.Add(new($"{field}.id", idProblem));
            else if (!seen.Add(approach.Id))
                violations.Add(new($"{field}.id", $"'{approach.Id}' is already the id of another approach"));
            if (IntersectionIds.CheckLocalId(approach.FromSegmentId) is { } segmentProblem)
                violations.Add(new($"{field}.fromSegmentId", segmentProblem));
            CheckSpeed(approach.FreeFlowSpeedKmh, $"{field}.freeFlowSpeedKmh", violations);

            if (approach.Lanes is < 1 or > MaxLanes)
                violations.Add(new($"{field}.lanes", $"{approach.Lanes} is outside 1..{MaxLanes}"));
            else if (approach.SaturationFlow is { } flow
                     && !(double.IsFinite(flow) && flow / approach.Lanes is >= MinSaturationFlowPerLane and <= MaxSaturationFlowPerLane))
                violations.Add(new($"{field}.saturationFlow",
                    $"{flow} veh/h over {approach.Lanes} lane(s) is outside {MinSaturationFlowPerLane}..{MaxSaturationFlowPerLane} veh/h per lane"));

            if (approach.Phase is < 0 or > MaxPhaseNumber)
                violations.Add(new($"{field}.phase", $"{approach.Phase} is outside 0..{MaxPhaseNumber}"));
        }
    }

    private static void ValidateSegments(IReadOnlyList<OutgoingSegment>? segments, List<RuleViolation> violations)
    {
        if (segments is null)
        {
            violations.Add(new("outgoingSegments", "is required (it may be empty)"));
            return;
        }

        if (segments.Count > MaxOutgoingSegments)
            violations.Add(new("outgoingSegments", $"has {segments.Count} segments; at most {MaxOutgoingSegments} leave an intersection"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var field = $"outgoingSegments[{i}]";
            var segment = segments[i];
            if (segment is null)
            {
                violations.Add(new(field, "is required"));
                continue;
            }

            if (IntersectionIds.CheckLocalId(segment.Id) is { } idProblem)
                violations.Add(new($"{field}.id", idProblem));
            else if (!seen.Add(segment.Id))
                violations.Add(new($"{field}.id", $"'{segment.Id}' is already the id of another outgoing segment"));
            if (Identifiers.Check($"{field}.toIntersectionId", segment.ToIntersectionId) is { } toProblem)
                violations.Add(toProblem);
            if (!double.IsFinite(segment.LengthMetres) || segment.LengthMetres is < 1 or > MaxSegmentLengthMetres)
                violations.Add(new($"{field}.lengthMetres", $"{segment.LengthMetres} is outside 1..{MaxSegmentLengthMetres} m"));
            CheckSpeed(segment.FreeFlowSpeedKmh, $"{field}.freeFlowSpeedKmh", violations);
        }
    }

    private static void ValidateSignalLimits(IntersectionParameters parameters, List<RuleViolation> violations)
    {
        var before = violations.Count;
        if (parameters.MinCycleSeconds is < MinCycleLimitSeconds or > MaxCycleLimitSeconds)
            violations.Add(new("minCycleSeconds", $"{parameters.MinCycleSeconds} is outside {MinCycleLimitSeconds}..{MaxCycleLimitSeconds} s"));
        if (parameters.MaxCycleSeconds is < MinCycleLimitSeconds or > MaxCycleLimitSeconds)
            violations.Add(new("maxCycleSeconds", $"{parameters.MaxCycleSeconds} is outside {MinCycleLimitSeconds}..{MaxCycleLimitSeconds} s"));
        else if (parameters.MaxCycleSeconds < parameters.MinCycleSeconds)
            violations.Add(new("maxCycleSeconds", $"{parameters.MaxCycleSeconds} is below minCycleSeconds {parameters.MinCycleSeconds}"));
        if (parameters.MinGreenSeconds is < 1 or > MaxMinGreenSeconds)
            violations.Add(new("minGreenSeconds", $"{parameters.MinGreenSeconds} is outside 1..{MaxMinGreenSeconds} s"));
        if (parameters.LostTimePerPhaseSeconds is < 0 or > MaxLostTimePerPhaseSeconds)
            violations.Add(new("lostTimePerPhaseSeconds", $"{parameters.LostTimePerPhaseSeconds} is outside 0..{MaxLostTimePerPhaseSeconds} s"));

        // Only a cycle that can hold every phase's minimum green and lost time can be planned at all.
        if (violations.Count > before || parameters.Approaches is not { Count: > 0 } || parameters.Approaches.Any(a => a is null))
            return;
        var phases = Phases(parameters).Count;
        var needed = phases * (parameters.MinGreenSeconds + parameters.LostTimePerPhaseSeconds);
        if (parameters.MaxCycleSeconds < needed)
            violations.Add(new("maxCycleSeconds",
                $"{parameters.MaxCycleSeconds} s cannot hold {phases} phases of {parameters.MinGreenSeconds} s minimum green plus {parameters.LostTimePerPhaseSeconds} s lost time (needs at least {needed} s)"));
    }

    private static void CheckSpeed(double speed, string field, List<RuleViolation> violations)
    {
        if (!double.IsFinite(speed) || speed is < MinFreeFlowSpeedKmh or > MaxFreeFlowSpeedKmh)
            violations.Add(new(field, $"{speed} is outside {MinFreeFlowSpeedKmh}..{MaxFreeFlowSpeedKmh} km/h"));
    }
}
