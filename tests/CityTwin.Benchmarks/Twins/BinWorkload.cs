using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

/// <summary>Bins filling by a few percent per reading and emptied every 20 readings.</summary>
public sealed class BinWorkload : KindWorkload
{
    public override AssetKind Kind => AssetKind.Bin;

    public override AssetSpec Spec(int index) => new BinSpec(1100, 0.8, 120, 300);

    public override Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round)
    {
        var level = Math.Min(0.95, (round % 20) * 0.045 + index % 7 * 0.01);
        var emptied = round % 20 == 0 && round > 0 ? $"c-{round}" : null;
        return grains.GetGrain<IBinGrain>(assetId).Report(
            stamp, new BinTelemetry(DistanceCm: 120 * (1 - level), CargoWeight: 200 * level, Temperature: 10 + round % 5, CollectionId: emptied));
    }
}
