using CityTwin.Contracts.Assets;
using CityTwin.Domain.Inventory;
using static CityTwin.Domain.Inventory.InventoryColumns;

namespace CityTwin.Grains.Inventory;

/// <summary>
/// Turns an asset row into what its twin is provisioned with: the kind's spec from the row's parameters
/// (an intersection's from the district's road network) and, for bins and streetlights, the road
/// segment they stand beside.
/// </summary>
public static class InventoryAssetMapping
{
    public const double DefaultBinFullnessThreshold = 0.8;

    /// <summary>The networked-standby allowance of Commission Regulation (EU) 2019/2020, for lights whose standby draw is not on file.</summary>
    public const double DefaultStandbyPowerWatts = 0.5;

    /// <param name="roads">The road network of the row's district.</param>
    /// <returns>The provision, or the problems that stop the row (never both).</returns>
    public static (AssetProvision? Provision, IReadOnlyList<RowProblem> Problems) ToProvision(InventoryRow row, DistrictRoadNetwork roads)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(roads);
        if (!AssetKinds.TryParseSegment(row.Kind, out var kind))
            return (null, [new RowProblem(row.Row, row.AssetId, Kind, $"'{row.Kind}' is not a kind of asset")]);

        var location = new GeoPoint(row.Latitude, row.Longitude);
        var reader = new KindParameterReader(row);
        AssetSpec? spec = kind switch
        {
            AssetKind.Bin => new BinSpec(
                reader.PositiveNumber(BinCapacity, "litres"),
                reader.Fraction(BinFullnessThreshold, DefaultBinFullnessThreshold),
                reader.PositiveNumber(DepthCm, "centimetres"),
                reader.PositiveNumber(MaxLoadKg, "kilograms")),
            AssetKind.Streetlight => new StreetlightSpec(
                reader.PositiveNumber(RatedPowerWatts, "watts"),
                reader.NonNegativeNumber(StandbyPowerWatts, "watts", DefaultStandbyPowerWatts)),
            AssetKind.Truck => new TruckSpec(
                reader.PositiveNumber(CapacityKg, "kilograms"),
                ToGeoPoint(reader.Position(DepotLatitude, DepotLongitude))),
            AssetKind.AirQuality => new AirQualitySpec(reader.Names(Pollutants)),
            AssetKind.Intersection => roads.IntersectionSpec(row.AssetId),
            _ => throw new ArgumentOutOfRangeException(nameof(row), kind, "an asset kind without an inventory mapping"),
        };
        if (reader.Problems.Count > 0)
            return (null, reader.Problems);
        if (spec is null)
            return (null, [new RowProblem(row.Row, row.AssetId, "roadNetwork",
                $"no road segment of district '{row.DistrictId}' ends at '{row.AssetId}', so it has no approach: " +
                $"import the district's road network (LineString features with \"to\": \"{row.AssetId}\") first or in the same file")]);

        var roadSegmentId = kind is AssetKind.Bin or AssetKind.Streetlight ? roads.Nearest(location)?.SegmentId : null;
        return (new AssetProvision(row.AssetId, kind, row.DistrictId, location, row.DeviceId, spec, roadSegmentId), []);
    }

    private static GeoPoint ToGeoPoint(GeoCoordinate coordinate) => new(coordinate.Latitude, coordinate.Longitude);
}
