using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Time;

namespace CityTwin.Simulator.Mqtt;

/// <summary>
/// Drives a whole simulated city over MQTT: one connection per gateway and per device that speaks for
/// itself, each with its own credential. Readings fall due by each kind's interval in simulated time
/// (or at a fixed city-wide rate, or as fast as acknowledged); progress is in <see cref="Stats"/>.
/// </summary>
public sealed class CityDriver
{
    private readonly DriverOptions options;
    private readonly List<SimulatedConnection> connections = [];

    public CityDriver(SimulationWorld world, DeviceCredentials credentials, DriverOptions options, TimeProvider clock)
    {
        this.options = options;
        var factor = clock is AcceleratedTimeProvider accelerated ? accelerated.Factor : 1;
        // At a fixed rate every asset reports equally often: the city's readings a second, shared out.
        TimeSpan? fixedInterval = options.ReadingsPerSecond is { } rate ? TimeSpan.FromSeconds(world.Models.Count / rate * factor) : null;
        var byAsset = world.Models.ToDictionary(m => m.Asset.Id, StringComparer.Ordinal);
        foreach (var gateway in world.City.Gateways)
        {
            connections.Add(new SimulatedConnection(gateway.Id, credentials.SecretOf(gateway.Id), gateway.DistrictId,
                [.. gateway.AssetIds.Select(id => byAsset[id])], gateway: true, options, clock, factor, fixedInterval, Stats, world.Journal, world.Seed));
        }
        foreach (var model in world.Models.Where(m => m.Asset.GatewayId is null))
        {
            connections.Add(new SimulatedConnection(model.Asset.DeviceId, credentials.SecretOf(model.Asset.DeviceId), model.Asset.DistrictId,
                [model], gateway: false, options, clock, factor, fixedInterval, Stats, world.Journal, world.Seed));
        }
    }

    public PublishStats Stats { get; } = new();

    public int ConnectionCount => connections.Count;

    /// <summary>Connects every device (a few at a time), then publishes until cancelled; disconnects cleanly at the end.</summary>
    /// <exception cref="InvalidOperationException">A device was refused (wrong credential, not provisioned).</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            await Task.WhenAll(connections.Select(async c =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await c.ConnectAsync(cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        try
        {
            await Task.WhenAll(connections.Select(c => Task.Run(() => c.RunAsync(cancellationToken), CancellationToken.None)));
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.StopAsync()));
        }
    }
}
