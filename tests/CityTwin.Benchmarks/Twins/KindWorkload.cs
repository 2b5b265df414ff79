using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

/// <summary>How a benchmark provisions and feeds the twins of one kind, with plausible values.</summary>
public abstract class KindWorkload
{
    public abstract AssetKind Kind { get; }

    public abstract AssetSpec Spec(int index);

    /// <summary>Sends reading number <paramref name="round"/> to twin <paramref name="assetId"/>.</summary>
    public abstract Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round);

    public string AssetId(int index) => $"{Kind.Segment()}-{index:D7}";
}
