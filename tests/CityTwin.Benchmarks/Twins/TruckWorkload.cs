using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;

namespace CityTwin.Benchmarks.Twins;

/// <summary>Trucks driving a loop north of their depot, loading a little every reading.</summary>
public sealed class TruckWorkload : KindWorkload
{
    private static readonly GeoPoint Depot = new(52.37, 4.90);

    public override AssetKind Kind => AssetKind.Truck;

    public override AssetSpec Spec(int index) => new TruckSpec(12_000, Depot);

    public override Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round)
    {
        var position = new GeoPoint(52.375 + 0.0005 * (round % 20), 4.90 + 0.0003 * (index % 10));
        return grains.GetGrain<ITruckGrain>(assetId).Report(
            stamp, new TruckTelemetry(position, 25 + round % 10, 0, CargoWeight: 100.0 * (round % 50)));
    }
}
