namespace CityTwin.Domain.Intersections;

public enum TravelTimeSource
{
    /// <summary>Median of recent measured samples.</summary>
    Samples,

    /// <summary>Segment length at the speed measured on the next intersection's approach from this segment.</summary>
    DownstreamSpeed,

    /// <summary>Segment length at free-flow speed: nothing better is known.</summary>
    FreeFlow,
}

/// <summary>Current travel time on one outgoing segment.</summary>
public sealed record SegmentTravelTime(
    string SegmentId,
    string ToIntersectionId,
    double FreeFlowSeconds,
    double EstimateSeconds,
    TravelTimeSource Source,
    int SamplesUsed);

/// <summary>
/// Travel times on the segments leaving an intersection. Measured samples (plate matching) win when there are
/// enough recent ones; their median ignores the odd vehicle that parked or ran a red light. Otherwise the speed
/// measured where the segment arrives, at the next intersection, gives an estimate; else free flow. Estimates
/// are never below free-flow time.
/// </summary>
public static class TravelTimes
{
    public static readonly TimeSpan SampleMaxAge = TimeSpan.FromMinutes(30);

    /// <summary>Fewer samples than this cannot outvote an outlier.</summary>
    public const int MinSamplesForMedian = 3;

    /// <summary>Floor on a downstream speed so a standing queue gives a long but finite time.</summary>
    public const double MinDerivedSpeedKmh = 5;

    public static double FreeFlowSeconds(OutgoingSegment segment) => segment.LengthMetres * 3.6 / segment.FreeFlowSpeedKmh;

    /// <param name="downstreamSpeedKmh">Average vehicle speed on the approach each segment arrives at, by segment id,
    /// where the caller knows it (the neighbouring twin's state).</param>
    public static IReadOnlyList<SegmentTravelTime> Estimate(
        IntersectionParameters parameters,
        IntersectionState state,
        DateTimeOffset now,
        IReadOnlyDictionary<string, double>? downstreamSpeedKmh = null)
    {
        IntersectionRules.EnsureMatches(parameters, state);
        var since = (now - SampleMaxAge).ToUnixTimeSeconds();
        var estimates = new SegmentTravelTime[parameters.OutgoingSegments.Count];
        for (var i = 0; i < estimates.Length; i++)
        {
            var segment = parameters.OutgoingSegments[i];
            var history = state.Segments[i];
            var freeFlow = FreeFlowSeconds(segment);
            var recent = Enumerable.Range(0, history.Count)
                .Where(k => history.At[k] >= since)
                .Select(k => (double)history.Seconds[k])
                .ToArray();

            estimates[i] = recent.Length >= MinSamplesForMedian
                ? new(segment.Id, segment.ToIntersectionId, freeFlow, Math.Max(freeFlow, Median(recent)), TravelTimeSource.Samples, recent.Length)
                : downstreamSpeedKmh is not null && downstreamSpeedKmh.TryGetValue(segment.Id, out var speed) && double.IsFinite(speed)
                    ? new(segment.Id, segment.ToIntersectionId, freeFlow,
                        Math.Max(freeFlow, segment.LengthMetres * 3.6 / Math.Max(speed, MinDerivedSpeedKmh)), TravelTimeSource.DownstreamSpeed, 0)
                    : new(segment.Id, segment.ToIntersectionId, freeFlow, freeFlow, TravelTimeSource.FreeFlow, 0);
        }

        return estimates;
    }

    internal static void Record(SegmentTravelState history, DateTimeOffset at, double seconds)
    {
        var count = history.Count;
        BoundedHistory.Push(history.At, history.Seconds, ref count, at.ToUnixTimeSeconds(), BoundedHistory.Quantise(seconds));
        history.Count = count;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
