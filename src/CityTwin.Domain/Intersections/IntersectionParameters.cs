namespace CityTwin.Domain.Intersections;

/// <summary>How an intersection is provisioned: its approaches, the segments that leave it and its signal limits.</summary>
/// <param name="MinCycleSeconds">Shortest signal cycle the controller may run.</param>
/// <param name="MaxCycleSeconds">Longest signal cycle; used whenever demand exceeds what a cycle can serve.</param>
/// <param name="MinGreenSeconds">Shortest effective green any phase gets (pedestrian crossing, driver expectation).</param>
/// <param name="LostTimePerPhaseSeconds">Start-up plus clearance time lost to traffic at each phase change.</param>
public sealed record IntersectionParameters(
    IReadOnlyList<ApproachParameters> Approaches,
    IReadOnlyList<OutgoingSegment> OutgoingSegments,
    int MinCycleSeconds = 40,
    int MaxCycleSeconds = 120,
    int MinGreenSeconds = 7,
    int LostTimePerPhaseSeconds = 4);

/// <summary>One road arm feeding the intersection.</summary>
/// <param name="Id">Names the approach in readings and signals.</param>
/// <param name="FromSegmentId">The road segment the traffic arrives on.</param>
/// <param name="FreeFlowSpeedKmh">Speed of unhindered traffic; the congestion model compares against it.</param>
/// <param name="Lanes">Lanes at the stop line.</param>
/// <param name="SaturationFlow">Discharge rate in veh/h of a queue during green; null means
/// <see cref="IntersectionParametersRules.DefaultSaturationFlowPerLane"/> per lane.</param>
/// <param name="Phase">Approaches with the same phase number get green together (e.g. opposing through
/// movements); null puts the approach in the phase numbered by its own index.</param>
public sealed record ApproachParameters(
    string Id,
    string FromSegmentId,
    double FreeFlowSpeedKmh,
    int Lanes = 1,
    double? SaturationFlow = null,
    int? Phase = null);

/// <summary>A road segment leaving the intersection towards a neighbouring one.</summary>
public sealed record OutgoingSegment(string Id, string ToIntersectionId, double LengthMetres, double FreeFlowSpeedKmh);
