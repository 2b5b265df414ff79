using CityTwin.Contracts.Devices;

namespace CityTwin.Grains.Devices;

public sealed class DeviceState
{
    public DeviceRole Role { get; set; }
    public string? GatewayDistrictId { get; set; }
    public List<DeviceBinding> Assets { get; set; } = [];
    public string? SecretHash { get; set; }
    public DateTimeOffset? CredentialIssuedAt { get; set; }
    public long Version { get; set; }
}
