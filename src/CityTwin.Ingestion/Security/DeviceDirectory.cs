using System.Collections.Concurrent;
using CityTwin.Contracts.Devices;
using CityTwin.Grains.Devices;

namespace CityTwin.Ingestion.Security;

/// <summary>
/// The access of every connected device, kept while it is connected so a publish costs a dictionary
/// lookup, and dropped when its device grain says it changed (the next publish fetches it again). A
/// credential change also raises <see cref="CredentialChanged"/>, which disconnects the live session.
/// </summary>
public sealed class DeviceDirectory(IGrainFactory grains) : IDeviceAccessObserver
{
    // Connected device id -> its access, or null when a change made the kept one stale.
    private readonly ConcurrentDictionary<string, DeviceAccess?> connected = new(StringComparer.Ordinal);
    /// <summary>The credential each connected device signed in with (its access entry may be emptied meanwhile).</summary>
    private readonly ConcurrentDictionary<string, string?> signedInWith = new(StringComparer.Ordinal);

    public event Func<string, Task>? CredentialChanged;

    public int ConnectedCount => connected.Count;

    public Task<DeviceAccess> FetchAsync(string deviceId) => grains.GetGrain<IDeviceGrain>(deviceId).GetAccess();

    public bool IsConnected(string deviceId) => connected.ContainsKey(deviceId);

    public void Connected(DeviceAccess access)
    {
        signedInWith[access.DeviceId] = access.SecretHash;
        connected[access.DeviceId] = access;
    }

    public void Disconnected(string deviceId)
    {
        connected.TryRemove(deviceId, out _);
        signedInWith.TryRemove(deviceId, out _);
    }

    public async ValueTask<DeviceAccess> GetAsync(string deviceId)
    {
        if (connected.TryGetValue(deviceId, out var access) && access is not null)
            return access;
        access = await FetchAsync(deviceId);
        // Only refreshes a stale entry: a device that disconnected meanwhile must not be counted again.
        connected.TryUpdate(deviceId, access, null);
        return access;
    }

    public async Task AccessChanged(string deviceId, bool credentialChanged)
    {
        if (!connected.ContainsKey(deviceId))
            return;
        connected[deviceId] = null;
        if (!credentialChanged || CredentialChanged is not { } handler)
            return;
        // The notice can arrive after the device connected with the credential it announces (issued, then used at
        // once): a session that signed in with the credential now in force stays.
        if (signedInWith.TryGetValue(deviceId, out var hash) && hash is not null && (await FetchAsync(deviceId)).SecretHash == hash)
            return;
        await handler(deviceId);
    }
}
