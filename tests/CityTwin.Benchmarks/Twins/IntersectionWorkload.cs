using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Benchmarks.Twins;

/// <summary>Four-way crossings: four approaches, four outgoing segments, rush-hour waves of flow.</summary>
public sealed class IntersectionWorkload : KindWorkload
{
    private static readonly string[] Directions = ["n", "e", "s", "w"];

    public override AssetKind Kind => AssetKind.Intersection;

    public override AssetSpec Spec(int index) => new IntersectionSpec(
        [.. Directions.Select(d => new ApproachSpec($"in-{d}", $"seg-{index}-in-{d}", 50, 2, null, null))],
        [.. Directions.Select(d => new OutgoingSegmentSpec($"seg-{index}-out-{d}", $"{Kind.Segment()}-{index + 1:D7}", 250, 50))]);

    public override Task<ReadingResult> ReportAsync(IGrainFactory grains, string assetId, DeviceStamp stamp, int index, int round)
    {
        var wave = 1 + Math.Sin(round / 6.0);
        return grains.GetGrain<IIntersectionGrain>(assetId).Report(stamp, new IntersectionTelemetry(
            [.. Directions.Select((d, i) => new ApproachTelemetry($"in-{d}", 300 * wave + 50 * i, 0.1 * wave, 45 - 10 * wave, (int)(4 * wave)))]));
    }
}
