namespace CityTwin.Grains.Persistence;

/// <summary>
/// Names under which grain state is stored. The ADO.NET provider keys a row by state name plus grain
/// key (not by grain class), so every grain class has a state name of its own: two classes sharing a
/// key must never share a row. Never rename one: stored rows are found by it.
/// </summary>
public static class StorageNames
{
    /// <summary>The one grain storage provider of the deployment.</summary>
    public const string Provider = "citytwin";

    public const string CityDirectoryState = "cityDirectory";
    public const string AssetRegistrationState = "assetRegistration";
    public const string DistrictState = "district";
    public const string DistrictCoordinationState = "districtCoordination";
    public const string BinTwinState = "binTwin";
    public const string StreetlightTwinState = "streetlightTwin";
    public const string IntersectionTwinState = "intersectionTwin";
    public const string TruckTwinState = "truckTwin";
    public const string AirQualityTwinState = "airQualityTwin";
    public const string RoadNetworkState = "roadNetwork";
    public const string DeviceState = "device";
    public const string CollectionPlannerState = "collectionPlanner";
    public const string ApiKeyRegistryState = "apiKeyRegistry";
    public const string AuditLogState = "auditLog";
}
