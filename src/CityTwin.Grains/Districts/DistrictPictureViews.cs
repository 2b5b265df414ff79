using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;
using CityTwin.Domain.Streetlights;

namespace CityTwin.Grains.Districts;

/// <summary>The picture's counts and the active conditions as the district's query answers them.</summary>
internal static class DistrictPictureViews
{
    public static DistrictPictureView Of(string districtId, DistrictPicture picture, IReadOnlyDictionary<string, int> conditions)
    {
        var bin = AssetKind.Bin.Segment() + ":";
        var light = AssetKind.Streetlight.Segment() + ":";
        return new DistrictPictureView(
            districtId,
            picture.CountsOf(AssetKind.Bin, PictureBands.Fill),
            conditions.Where(c => c.Key.StartsWith(bin + BinSignalCodes.ThresholdPrefix, StringComparison.Ordinal)).Sum(c => c.Value),
            conditions.Where(c => IsSensorFault(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            conditions.Where(c => c.Key.EndsWith(":" + Staleness.Code, StringComparison.Ordinal))
                .ToDictionary(c => c.Key[..c.Key.IndexOf(':', StringComparison.Ordinal)], c => c.Value, StringComparer.Ordinal),
            picture.CountsOf(AssetKind.Streetlight, PictureBands.Power),
            conditions.GetValueOrDefault(light + StreetlightSignal.DefectiveLamp) + conditions.GetValueOrDefault(light + StreetlightSignal.ColumnIssue),
            picture.Sum(AssetKind.Streetlight, PictureMeasures.Watts),
            picture.CountsOf(AssetKind.Intersection, PictureBands.Congestion),
            picture.CountsOf(AssetKind.Truck, PictureBands.Status),
            picture.CountsOf(AssetKind.Truck, PictureBands.Load),
            picture.Sum(AssetKind.Truck, PictureMeasures.CargoKg),
            picture.CountsOf(AssetKind.AirQuality, PictureBands.AirQuality));
    }

    /// <summary>A device's own measuring gone wrong: a bin's failed or suspect sensor, an air sensor's drift.</summary>
    private static bool IsSensorFault(string condition)
    {
        var code = condition[(condition.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return code.StartsWith("sensor.", StringComparison.Ordinal) || code.StartsWith("drift", StringComparison.Ordinal);
    }
}
