using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Contracts.Intersections;

[Alias("citytwin.IIntersectionGrain")]
public interface IIntersectionGrain : IAssetTwinGrain
{
    [Alias("Report")]
    Task<ReadingResult> Report(DeviceStamp stamp, IntersectionTelemetry reading);

    [Alias("GetTwin"), AlwaysInterleave]
    Task<IntersectionTwin?> GetTwin();

    /// <summary>
    /// The flow expected on an approach after <paramref name="horizon"/>, from its profile learned in the
    /// district's local time and its recent trend; null when the twin is not provisioned, has no such
    /// approach, or the horizon is not more than zero and at most 24 h.
    /// </summary>
    [Alias("Forecast"), AlwaysInterleave]
    Task<FlowForecastView?> Forecast(string approachId, TimeSpan horizon);

    /// <summary>
    /// Travel times on the outgoing segments: measured samples where there are enough, else the speed the
    /// neighbouring intersection measures on the approach the segment arrives at, else free flow.
    /// Empty when the twin is not provisioned.
    /// </summary>
    [Alias("GetTravelTimes"), AlwaysInterleave]
    Task<IReadOnlyList<SegmentTravelTimeView>> GetTravelTimes();
}
