using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Contracts.Streetlights;

[Alias("citytwin.IStreetlightGrain")]
public interface IStreetlightGrain : IAssetTwinGrain
{
    [Alias("Report")]
    Task<ReadingResult> Report(DeviceStamp stamp, StreetlightTelemetry reading);

    /// <summary>Sets the desired illuminance level (0..1); written through; confirmed when the lamp reports it.</summary>
    [Alias("RequestLevel")]
    Task<CommandResult> RequestLevel(double level);

    [Alias("GetTwin"), AlwaysInterleave]
    Task<StreetlightTwin?> GetTwin();
}
