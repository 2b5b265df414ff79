using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Common;
using CityTwin.Domain.Intersections;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using Orleans.Runtime;

namespace CityTwin.Grains.Intersections;

public sealed class IntersectionGrain(
    TwinServices services)
    : TwinGrain<IntersectionState>(StorageNames.IntersectionTwinState, services), IIntersectionGrain
{
    private IntersectionParameters? parameters;

    protected override AssetKind Kind => AssetKind.Intersection;

    /// <summary>Set whenever the twin is provisioned: the base class hands over the spec first.</summary>
    private IntersectionParameters Parameters =>
        parameters ?? throw new InvalidOperationException($"intersection '{AssetId}' has no spec");

    protected override IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec) =>
        IntersectionParametersRules.Validate(IntersectionMapping.ToParameters((IntersectionSpec)spec));

    protected override void OnSpecChanged(AssetSpec spec)
    {
        var next = IntersectionMapping.ToParameters((IntersectionSpec)spec);
        // Equal parameters under a different spec (say, another approach order) leave the learned state alone.
        if (parameters is not null && IntersectionMapping.SameParameters(parameters, next))
            return;
        // At activation the stored state already fits its spec and holds the plan it adopted: keep it as it is.
        // A new or changed spec reshapes it; approaches and segments that stay keep what they learned.
        if (parameters is not null || !IntersectionMapping.IsShapedFor(KindState, next))
            State.Kind = IntersectionRules.CreateState(next, KindState);
        parameters = next;
    }

    public Task<ReadingResult> Report(DeviceStamp stamp, IntersectionTelemetry reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var domainReading = IntersectionMapping.ToDomain(reading);
        return AcceptReading(
            stamp,
            () => IntersectionRules.Validate(Parameters, domainReading),
            now =>
            {
                var hadIncident = IntersectionSignals.AnyIncident(KindState);
                var outcome = IntersectionRules.Apply(Parameters, KindState, domainReading, now, DistrictTimeZone);
                return IntersectionSignals.ToDistrict(outcome, KindState, hadIncident);
            });
    }

    protected override string[] BandNames => Names;

    private static readonly string[] Names = [PictureBands.Congestion, PictureBands.Traffic];
    private static readonly string[] MeasureNames = [PictureMeasures.Intensity];

    protected override void WriteBands(Span<string> values)
    {
        values[0] = JsonNames.Of(KindState.Congested);
        values[1] = PictureBands.TrafficBand(Intensity);
    }

    protected override IReadOnlyDictionary<string, double> Measures() => new PictureMap<double>(MeasureNames, [Intensity]);

    private double Intensity => KindState.Approaches.Sum(a => a.Intensity);

    public Task<IntersectionTwin?> GetTwin() => Task.FromResult(Twin());

    protected override object? KindTwin() => Twin();

    private IntersectionTwin? Twin()
    {
        if (State.Record is not { } record)
            return null;
        // A decommissioned twin still shows its last state; activation caches only an active twin's spec.
        var shape = parameters ?? IntersectionMapping.ToParameters((IntersectionSpec)record.Provision.Spec);
        return IntersectionMapping.ToTwin(AssetId, shape, KindState, Now);
    }

    public Task<FlowForecastView?> Forecast(string approachId, TimeSpan horizon)
    {
        if (Provisioned is null || FlowForecasting.ValidateRequest(KindState, approachId, horizon).Count > 0)
            return Task.FromResult<FlowForecastView?>(null);
        var forecast = FlowForecasting.Forecast(KindState, approachId, Now, horizon, DistrictTimeZone);
        return Task.FromResult<FlowForecastView?>(IntersectionMapping.ToView(approachId, forecast));
    }

    public async Task<IReadOnlyList<SegmentTravelTimeView>> GetTravelTimes()
    {
        if (Provisioned is null)
            return [];
        var downstreamSpeeds = await DownstreamSpeedsAsync(Parameters.OutgoingSegments);
        // Other calls interleaved while the neighbours answered: look at the spec and state only now.
        if (Provisioned is null)
            return [];
        return [.. TravelTimes.Estimate(Parameters, KindState, Now, downstreamSpeeds).Select(IntersectionMapping.ToView)];
    }

    /// <summary>By outgoing segment, the speed the next intersection measures on the approach that segment arrives at.</summary>
    private async Task<Dictionary<string, double>> DownstreamSpeedsAsync(IReadOnlyList<OutgoingSegment> segments)
    {
        var neighbourIds = segments.Select(s => s.ToIntersectionId).Distinct(StringComparer.Ordinal).ToArray();
        var twins = await Task.WhenAll(neighbourIds.Select(id => GrainFactory.GetGrain<IIntersectionGrain>(id).GetTwin()));
        var neighbours = neighbourIds.Zip(twins).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);

        var now = Now;
        var speeds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var arrival = neighbours[segment.ToIntersectionId]?.Approaches.FirstOrDefault(a => a.FromSegmentId == segment.Id);
            if (arrival is not null && IntersectionMapping.MeasuredSpeed(arrival, now) is { } speed)
                speeds[segment.Id] = speed;
        }
        return speeds;
    }
}
