using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Contracts.Trucks;

[Alias("citytwin.ITruckGrain")]
public interface ITruckGrain : IAssetTwinGrain
{
    /// <summary>One reading; a lift in it empties its bin once, however often it is reported.</summary>
    [Alias("Report")]
    Task<ReadingResult> Report(DeviceStamp stamp, TruckTelemetry reading);

    /// <summary>
    /// Gives the truck a route, replacing any other; written through. The same plan with the same stops again
    /// keeps the progress made. A broken or out-of-service truck is refused.
    /// </summary>
    [Alias("AssignRoute")]
    Task<CommandResult> AssignRoute(RouteAssignmentContract assignment);

    /// <summary>
    /// Takes back the route of <paramref name="planId"/> when it is the truck's current one (a re-plan gave its
    /// bins to other trucks); any other route stays. Written through; the truck is told.
    /// </summary>
    [Alias("ReleaseRoute")]
    Task<CommandResult> ReleaseRoute(string planId);

    /// <summary>An operator takes the truck out of service, or puts it back; written through.</summary>
    [Alias("SetOutOfService")]
    Task<CommandResult> SetOutOfService(bool outOfService);

    [Alias("GetTwin"), AlwaysInterleave]
    Task<TruckTwin?> GetTwin();
}
