using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

public sealed class AirQualityWorkload : KindWorkload
{
    public override AssetKind Kind => AssetKind.AirQuality;

    public override AssetSpec Spec(int index) => new AirQualitySpec(["pm25", "pm10", "no2", "o3"]);

    public override Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round)
    {
        var wave = 1 + Math.Sin(round / 8.0);
        return grains.GetGrain<IAirQualityGrain>(assetId).Report(
            stamp, new AirQualityTelemetry(8 * wave, 15 * wave, 20 * wave, 60 + 10 * wave, 12, 70));
    }
}
