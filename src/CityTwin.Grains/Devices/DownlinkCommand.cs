using CityTwin.Contracts.Assets;

namespace CityTwin.Grains.Devices;

/// <summary>
/// A command for an asset's device. The broker front-end picks the topic (the asset's own, or its
/// gateway's with the asset id in the payload) and serialises <see cref="Body"/> as JSON.
/// </summary>
public sealed record DownlinkCommand(AssetKind Kind, string DistrictId, string AssetId, string DeviceId, string Name, object Body);

/// <summary>Where twins send commands down to devices: the MQTT front-end of the silo.</summary>
public interface IDeviceCommandSink
{
    Task SendAsync(DownlinkCommand command);
}

/// <summary>
/// A silo without a broker (a grain test cluster, a tool) keeps the latest commands it could not send,
/// bounded; the twins keep their desired state and re-send it when the device comes back online.
/// </summary>
public sealed class UndeliveredCommands : IDeviceCommandSink
{
    public const int Capacity = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentQueue<DownlinkCommand> kept = new();

    public IReadOnlyCollection<DownlinkCommand> Kept => kept;

    public Task SendAsync(DownlinkCommand command)
    {
        kept.Enqueue(command);
        while (kept.Count > Capacity && kept.TryDequeue(out _))
        {
        }
        return Task.CompletedTask;
    }
}
