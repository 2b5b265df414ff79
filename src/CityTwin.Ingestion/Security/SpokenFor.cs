using System.Runtime.CompilerServices;
using CityTwin.Contracts.Devices;

namespace CityTwin.Ingestion.Security;

/// <summary>
/// The assets a device speaks for, found by id and district. A gateway speaks for hundreds, and every publish
/// it makes (and every reading of its batches) is checked against them: a linear search made a tenth of a
/// single reading's handling. The index is built once per access record, which is immutable and kept while
/// its device is connected, and goes with it.
/// </summary>
public static class SpokenFor
{
    /// <summary>Below this many assets a search is as quick as a lookup and costs no index.</summary>
    private const int IndexFrom = 8;

    private static readonly ConditionalWeakTable<DeviceAccess, Dictionary<(string AssetId, string DistrictId), DeviceBinding[]>> Indexes = new();

    /// <summary>The first of the device's bindings of <paramref name="assetId"/> in <paramref name="districtId"/> that <paramref name="kind"/> allows (any kind when null); null when none.</summary>
    public static DeviceBinding? Find(DeviceAccess who, string assetId, string? districtId, AssetKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (who.Assets.Count < IndexFrom)
        {
            foreach (var asset in who.Assets)
            {
                if (Matches(asset, assetId, districtId, kind))
                    return asset;
            }
            return null;
        }
        if (districtId is null || !Indexes.GetValue(who, Build).TryGetValue((assetId, districtId), out var bindings))
            return null;
        foreach (var asset in bindings)
        {
            if (kind is null || asset.Kind == kind)
                return asset;
        }
        return null;
    }

    private static bool Matches(DeviceBinding asset, string assetId, string? districtId, AssetKind? kind) =>
        asset.AssetId == assetId && asset.DistrictId == districtId && (kind is null || asset.Kind == kind);

    private static Dictionary<(string AssetId, string DistrictId), DeviceBinding[]> Build(DeviceAccess who) =>
        who.Assets
            .GroupBy(a => (a.AssetId, a.DistrictId))
            .ToDictionary(g => g.Key, g => g.ToArray());
}
