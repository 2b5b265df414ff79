using CityTwin.Contracts.Devices;

namespace CityTwin.Grains.Devices;

/// <summary>
/// A broker that keeps device accounts of its own (External mode: Mosquitto's dynamic security), told of
/// every change of a device's access before the device grain writes it, so that what the grain
/// acknowledges is already in force at the broker. A failure leaves the grain's state as it was.
/// </summary>
public interface IBrokerAccounts
{
    /// <summary>
    /// Brings the broker's account of the device to <paramref name="access"/>: no account when it holds no
    /// credential; otherwise an account with its topics, and <paramref name="newSecret"/> as its password
    /// when one was just issued or rotated. Idempotent, so a retried change converges.
    /// </summary>
    Task SyncAsync(DeviceAccess access, string? newSecret);
}

/// <summary>The embedded broker checks credentials against the device grains themselves: nothing to keep.</summary>
public sealed class NoBrokerAccounts : IBrokerAccounts
{
    public Task SyncAsync(DeviceAccess access, string? newSecret) => Task.CompletedTask;
}
