namespace CityTwin.Domain.Inventory;

/// <summary>
/// One asset read from an inventory file, whatever the format. Its ids, kind and position are checked;
/// <see cref="Parameters"/> holds the kind's parameters as written (non-empty values only), read with
/// <see cref="KindParameterReader"/> when the asset is provisioned.
/// </summary>
public sealed record InventoryRow(
    int Row,
    string AssetId,
    string Kind,
    string DistrictId,
    double Latitude,
    double Longitude,
    string DeviceId,
    IReadOnlyDictionary<string, string> Parameters);
