using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Intersections;
using CityTwin.Domain.Intersections;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Intersections;

/// <summary>The contract's intersection types to the domain's and back.</summary>
internal static class IntersectionMapping
{
    // Missing lists and entries are passed on as they are: the domain's validation names them.
    public static IntersectionParameters ToParameters(IntersectionSpec spec) => new(
        spec.Approaches?.Select(a => a is null ? null! : new ApproachParameters(
            a.Id, a.FromSegmentId, a.FreeFlowSpeedKmh, a.Lanes, a.SaturationFlow, a.Phase)).ToArray()!,
        spec.OutgoingSegments?.Select(s => s is null ? null! : new OutgoingSegment(
            s.Id, s.ToIntersectionId, s.LengthMetres, s.FreeFlowSpeedKmh)).ToArray()!,
        spec.MinCycleSeconds,
        spec.MaxCycleSeconds,
        spec.MinGreenSeconds,
        spec.LostTimePerPhaseSeconds);

    public static IntersectionReading ToDomain(IntersectionTelemetry reading) => new(
        reading.Approaches?.Select(a => a is null ? null! : new ApproachReading(
            a.ApproachId, a.Intensity, a.Occupancy, a.AverageVehicleSpeed, a.QueueLength, a.Incident)).ToArray()!,
        reading.TravelTimes?.Select(t => t is null ? null! : new TravelTimeSample(t.SegmentId, t.Seconds)).ToArray());

    /// <summary>Record equality would compare the lists by reference; this compares their entries.</summary>
    public static bool SameParameters(IntersectionParameters a, IntersectionParameters b) =>
        SameEntries(a.Approaches, b.Approaches)
        && SameEntries(a.OutgoingSegments, b.OutgoingSegments)
        && a with { Approaches = b.Approaches, OutgoingSegments = b.OutgoingSegments } == b;

    /// <summary>Whether <paramref name="state"/> has one entry per approach and segment of <paramref name="parameters"/>, in order.</summary>
    public static bool IsShapedFor(IntersectionState state, IntersectionParameters parameters) =>
        state.Approaches.Select(a => a.Id).SequenceEqual(parameters.Approaches.Select(a => a.Id))
        && state.Segments.Select(s => s.Id).SequenceEqual(parameters.OutgoingSegments.Select(s => s.Id));

    public static IntersectionTwin ToTwin(string assetId, IntersectionParameters parameters, IntersectionState state, DateTimeOffset now) => new(
        assetId,
        JsonNames.Of(state.Congested),
        [.. state.Approaches.Select((approach, i) => ToView(approach, parameters.Approaches[i]))],
        ToView(state.SignalPlan, parameters),
        [.. TravelTimes.Estimate(parameters, state, now).Select(ToView)],
        [.. state.Segments.SelectMany(Samples)]);

    public static SegmentTravelTimeView ToView(SegmentTravelTime estimate) => new(
        estimate.SegmentId,
        estimate.ToIntersectionId,
        estimate.FreeFlowSeconds,
        estimate.EstimateSeconds,
        JsonNames.Of(estimate.Source),
        estimate.SamplesUsed);

    public static FlowForecastView ToView(string approachId, FlowForecast forecast) =>
        new(approachId, forecast.At, forecast.Intensity, forecast.ProfileWeight);

    /// <summary>
    /// The speed a neighbour measures on one of its approaches, if it says something now: reported within the
    /// travel-time sample age, and either vehicles passed or none could (a level above free with no flow is a
    /// standing queue). With no vehicles and a free road the speed is meaningless.
    /// </summary>
    public static double? MeasuredSpeed(ApproachView approach, DateTimeOffset now) =>
        approach.DateObserved is not { } observed || now - observed > TravelTimes.SampleMaxAge ? null
        : approach.Intensity > 0 ? approach.AverageVehicleSpeed
        : approach.Congested != JsonNames.Of(CongestionLevel.Free) ? 0
        : null;

    private static bool SameEntries<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null || b is null ? ReferenceEquals(a, b) : a.SequenceEqual(b);

    private static ApproachView ToView(ApproachState approach, ApproachParameters provisioned)
    {
        var recent = approach.Recent;
        var flow = Enumerable.Range(0, recent.Count)
            .Select(i => new FlowSample(DateTimeOffset.FromUnixTimeSeconds(recent.At[i]), recent.Intensity[i]))
            .ToList();
        return new ApproachView(
            approach.Id,
            provisioned.FromSegmentId,
            approach.Intensity,
            approach.Occupancy,
            approach.AverageVehicleSpeed,
            approach.QueueLength,
            approach.Incident,
            JsonNames.Of(approach.Congested),
            flow.Count > 0 ? flow[^1].At : null,
            flow);
    }

    private static SignalPlanView ToView(SignalPlan plan, IntersectionParameters parameters)
    {
        var served = IntersectionParametersRules.Phases(parameters)
            .ToDictionary(p => p.Phase, p => p.Approaches.Select(i => parameters.Approaches[i].Id).ToList());
        return new SignalPlanView(
            plan.CycleSeconds,
            [.. plan.Phases.Select(p => new PhaseGreenView(p.Phase, served[p.Phase], p.GreenSeconds, p.FlowRatio))],
            plan.FlowRatioSum,
            plan.Oversaturated);
    }

    private static IEnumerable<TravelTimeSampleView> Samples(SegmentTravelState segment) =>
        Enumerable.Range(0, segment.Count).Select(i =>
            new TravelTimeSampleView(segment.Id, DateTimeOffset.FromUnixTimeSeconds(segment.At[i]), segment.Seconds[i]));
}
