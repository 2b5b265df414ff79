using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

public sealed class StreetlightWorkload : KindWorkload
{
    public override AssetKind Kind => AssetKind.Streetlight;

    public override AssetSpec Spec(int index) => new StreetlightSpec(60 + index % 5 * 20, 0.5);

    public override Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round)
    {
        var level = round % 4 == 0 ? 0.3 : 1.0;
        var rated = 60 + index % 5 * 20;
        return grains.GetGrain<IStreetlightGrain>(assetId).Report(
            stamp, new StreetlightTelemetry(LightPowerState.On, level, 0.5 + rated * level, 2 + round % 7, round % 3 == 0));
    }
}
