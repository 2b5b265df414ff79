using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Grains.Tests.Twins;

/// <summary>Streetlights serve as the sample kind for what every twin shares.</summary>
public static class Streetlights
{
    public static string NewId() => $"light-{Guid.NewGuid():N}"[..20];

    public static AssetProvision Provision(string id, string district = "centrum", string device = "dev-1") =>
        new(id, AssetKind.Streetlight, district, new GeoPoint(52.37, 4.89), device, new StreetlightSpec(100, 1));

    public static DeviceStamp Stamp(long sequence, long bootEpoch = 1, DateTimeOffset? at = null) =>
        new(at ?? DateTimeOffset.UtcNow, bootEpoch, sequence);

    public static StreetlightTelemetry Lit(double level) =>
        new(LightPowerState.On, level, 1 + 100 * level, 3, false);
}
