using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Streetlights;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>
/// Provisions fresh assets, gateways and credentials on a running host, whatever its MQTT mode: every
/// MQTT fixture provisions the same way, so it is written once.
/// </summary>
public sealed class TestAssets(Func<IGrainFactory> grains)
{
    private static readonly GeoPoint Centre = new(52.37, 4.89);
    private int assets;

    /// <summary>A new bin in <paramref name="district"/> with its own device and credential.</summary>
    public async Task<Device> NewBinAsync(string district)
    {
        var n = Interlocked.Increment(ref assets);
        var device = new Device($"bin-{n}", AssetKind.Bin, district, $"dev-bin-{n}", "");
        var provisioned = await grains().GetGrain<IBinGrain>(device.AssetId).Provision(new AssetProvision(
            device.AssetId, AssetKind.Bin, district, Centre, device.DeviceId, new BinSpec(1100, 0.8, 120, 400)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        return device with { Secret = await IssueAsync(device.DeviceId) };
    }

    public async Task<Device> NewLightAsync(string district)
    {
        var n = Interlocked.Increment(ref assets);
        var device = new Device($"light-{n}", AssetKind.Streetlight, district, $"dev-light-{n}", "");
        var provisioned = await grains().GetGrain<IStreetlightGrain>(device.AssetId).Provision(new AssetProvision(
            device.AssetId, AssetKind.Streetlight, district, Centre, device.DeviceId, new StreetlightSpec(60, 1)));
        Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
        return device with { Secret = await IssueAsync(device.DeviceId) };
    }

    /// <summary>A gateway of <paramref name="district"/> speaking for <paramref name="binCount"/> new bins.</summary>
    public async Task<(Device Gateway, IReadOnlyList<string> BinIds)> NewGatewayAsync(int binCount, string district)
    {
        var n = Interlocked.Increment(ref assets);
        var gatewayId = $"gw-{n}";
        Assert.True((await grains().GetGrain<IDeviceGrain>(gatewayId).DeclareGateway(district)).Accepted);
        var bins = new List<string>();
        for (var i = 0; i < binCount; i++)
        {
            var binId = $"gw-{n}-bin-{i}";
            var provisioned = await grains().GetGrain<IBinGrain>(binId).Provision(new AssetProvision(
                binId, AssetKind.Bin, district, Centre, gatewayId, new BinSpec(1100, 0.8, 120, 400)));
            Assert.True(provisioned.Accepted, string.Join("; ", provisioned.Errors));
            bins.Add(binId);
        }
        return (new Device(gatewayId, null, district, gatewayId, await IssueAsync(gatewayId)), bins);
    }

    public async Task<string> IssueAsync(string deviceId)
    {
        var issued = await grains().GetGrain<IDeviceGrain>(deviceId).IssueCredential();
        Assert.True(issued.Issued, string.Join("; ", issued.Errors));
        return issued.Credential!.Secret;
    }
}
