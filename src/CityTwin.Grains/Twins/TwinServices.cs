using CityTwin.Contracts.Common;
using CityTwin.Grains.Devices;
using CityTwin.Grains.Districts.Delivery;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace CityTwin.Grains.Twins;

/// <summary>What every twin grain needs from the silo, in one singleton so kinds' constructors stay short.</summary>
public sealed class TwinServices(
    CityClock clock,
    [FromKeyedServices(StorageNames.Provider)] IGrainStorage storage,
    IOptions<TwinOptions> options,
    WriteBehindScheduler writeBehind,
    DistrictOutbox districts,
    IDeviceCommandSink downlink,
    GrainReferences references,
    ILogger<TwinServices> logger)
{
    public CityClock Clock { get; } = clock;
    public TwinOptions Options { get; } = options.Value;
    /// <summary>The storage every twin reads and writes its record through.</summary>
    public IGrainStorage Storage { get; } = storage;
    public WriteBehindScheduler WriteBehind { get; } = writeBehind;
    /// <summary>How twins tell their districts (batched, coalesced; never awaited by a twin).</summary>
    public DistrictOutbox Districts { get; } = districts;
    public IDeviceCommandSink Downlink { get; } = downlink;
    /// <summary>References to what twins tell on every significant change (the collection planner), without per-call reflection.</summary>
    public GrainReferences References { get; } = references;
    public ILogger Logger { get; } = logger;
}
