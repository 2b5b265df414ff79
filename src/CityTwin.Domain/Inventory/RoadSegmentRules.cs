using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.Inventory;

/// <summary>What makes a road segment acceptable. Field names are those of the GeoJSON properties.</summary>
public static class RoadSegmentRules
{
    /// <summary>From a shared space at walking pace to the highest motorway limit in Europe.</summary>
    public const double MinFreeFlowSpeedKmh = 5, MaxFreeFlowSpeedKmh = 130;

    public const int MinLanes = 1, MaxLanes = 6;

    /// <summary>
    /// A surveyed length may differ from the drawn geometry (curves simplified away, a slope), but not by
    /// more than this fraction: beyond it one of the two belongs to another road or is in other units.
    /// </summary>
    public const double LengthTolerance = 0.2;

    /// <param name="givenLengthMetres">The length stated with the segment, if any.</param>
    public static IReadOnlyList<RuleViolation> Validate(
        string? segmentId,
        string? fromIntersectionId,
        string? toIntersectionId,
        string? districtId,
        IReadOnlyList<GeoCoordinate> points,
        double? givenLengthMetres,
        double freeFlowSpeedKmh,
        int lanes)
    {
        ArgumentNullException.ThrowIfNull(points);
        var violations = new List<RuleViolation>();
        AddIfBad(violations, Identifiers.Check("segmentId", segmentId));
        AddIfBad(violations, Identifiers.Check("from", fromIntersectionId));
        AddIfBad(violations, Identifiers.Check("to", toIntersectionId));
        AddIfBad(violations, Identifiers.Check("districtId", districtId));
        if (fromIntersectionId is not null && fromIntersectionId == toIntersectionId)
            violations.Add(new("to", $"'{toIntersectionId}' is also 'from': a segment joins two different intersections"));

        var geometricLength = CheckGeometry(violations, points);
        if (!double.IsFinite(freeFlowSpeedKmh) || freeFlowSpeedKmh is < MinFreeFlowSpeedKmh or > MaxFreeFlowSpeedKmh)
            violations.Add(new("freeFlowSpeedKmh", Invariant($"{freeFlowSpeedKmh} is outside {MinFreeFlowSpeedKmh}..{MaxFreeFlowSpeedKmh} km/h")));
        if (lanes is < MinLanes or > MaxLanes)
            violations.Add(new("lanes", Invariant($"{lanes} is outside {MinLanes}..{MaxLanes}")));

        if (givenLengthMetres is { } given)
        {
            if (!double.IsFinite(given) || given <= 0)
                violations.Add(new("lengthMetres", Invariant($"{given} is not a positive number of metres")));
            else if (geometricLength is { } drawn && Math.Abs(given - drawn) > LengthTolerance * drawn)
                violations.Add(new("lengthMetres", Invariant(
                    $"{given:0.#} m differs from the geometry's {drawn:0.#} m by more than {LengthTolerance:0%}")));
        }
        return violations;
    }

    /// <returns>The geometry's length when the geometry is usable.</returns>
    private static double? CheckGeometry(List<RuleViolation> violations, IReadOnlyList<GeoCoordinate> points)
    {
        if (points.Count < 2)
        {
            violations.Add(new("coordinates", Invariant($"a road segment needs at least 2 points, not {points.Count}")));
            return null;
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (!points[i].IsOnEarth)
            {
                violations.Add(new("coordinates", Invariant(
                    $"point {i} (latitude {points[i].Latitude}, longitude {points[i].Longitude}) is not on Earth")));
                return null;
            }
        }
        var length = GeoMath.LengthMetres(points);
        if (length > 0)
            return length;
        violations.Add(new("coordinates", "all points are in one place: the segment has no length"));
        return null;
    }

    private static void AddIfBad(List<RuleViolation> violations, RuleViolation? violation)
    {
        if (violation is not null)
            violations.Add(violation);
    }
}
