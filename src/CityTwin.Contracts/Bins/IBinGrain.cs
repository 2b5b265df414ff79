using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Contracts.Bins;

[Alias("citytwin.IBinGrain")]
public interface IBinGrain : IAssetTwinGrain
{
    [Alias("Report")]
    Task<ReadingResult> Report(DeviceStamp stamp, BinTelemetry reading);

    /// <summary>
    /// A collection reported by the truck that emptied the bin. The same collection reported again (by
    /// the truck and by the bin's RFID reader) counts once, by its id. Written through.
    /// </summary>
    [Alias("RecordCollection")]
    Task<CommandResult> RecordCollection(string collectionId, DateTimeOffset at);

    [Alias("GetTwin"), AlwaysInterleave]
    Task<BinTwin?> GetTwin();
}
