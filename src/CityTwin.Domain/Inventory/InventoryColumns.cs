namespace CityTwin.Domain.Inventory;

/// <summary>
/// The names of an inventory file's columns (CSV) and properties (GeoJSON), and which kind takes which
/// parameters. Kinds are named as in MQTT topics: bin, streetlight, intersection, truck, airquality.
/// </summary>
public static class InventoryColumns
{
    public const string AssetId = "assetId", Kind = "kind", DistrictId = "districtId", DeviceId = "deviceId";
    public const string Latitude = "latitude", Longitude = "longitude";

    public const string BinCapacity = "binCapacity", BinFullnessThreshold = "binFullnessThreshold";
    public const string DepthCm = "depthCm", MaxLoadKg = "maxLoadKg";
    public const string RatedPowerWatts = "ratedPowerWatts", StandbyPowerWatts = "standbyPowerWatts";
    public const string CapacityKg = "capacityKg", DepotLatitude = "depotLatitude", DepotLongitude = "depotLongitude";
    public const string Pollutants = "pollutants";
    public const string Lanes = "lanes";

    public const string SegmentId = "segmentId", From = "from", To = "to";
    public const string FreeFlowSpeedKmh = "freeFlowSpeedKmh", LengthMetres = "lengthMetres";

    /// <summary>Every asset row has these; a CSV header must name them all.</summary>
    public static readonly IReadOnlyList<string> Required = [AssetId, Kind, DistrictId, Latitude, Longitude, DeviceId];

    /// <summary>The parameters each kind takes. An intersection takes none: its approaches come from the road network.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ParametersByKind =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["bin"] = [BinCapacity, BinFullnessThreshold, DepthCm, MaxLoadKg],
            ["streetlight"] = [RatedPowerWatts, StandbyPowerWatts],
            ["intersection"] = [],
            ["truck"] = [CapacityKg, DepotLatitude, DepotLongitude],
            ["airquality"] = [Pollutants],
        };

    /// <summary>
    /// The optional kind columns of a CSV file. <see cref="Lanes"/> is a road segment's property: the
    /// name is known so a header may carry it, but no asset kind takes a value in it.
    /// </summary>
    public static readonly IReadOnlyList<string> Parameters =
        [.. ParametersByKind.Values.SelectMany(p => p).Append(Lanes)];

    /// <summary>The columns a CSV header may name, in documentation order.</summary>
    public static readonly IReadOnlyList<string> Csv = [.. Required, .. Parameters];

    /// <summary>The properties of a GeoJSON Point feature (its position is the Point's coordinates).</summary>
    public static readonly IReadOnlyList<string> AssetProperties = [AssetId, Kind, DistrictId, DeviceId, .. Parameters];

    /// <summary>The properties of a GeoJSON LineString feature (a road segment).</summary>
    public static readonly IReadOnlyList<string> SegmentProperties = [SegmentId, From, To, DistrictId, FreeFlowSpeedKmh, Lanes, LengthMetres];

    public static string KindList => string.Join(", ", ParametersByKind.Keys);
}
