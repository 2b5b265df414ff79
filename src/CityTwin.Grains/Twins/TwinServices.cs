using CityTwin.Grains.Devices;
using CityTwin.Grains.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Twins;

/// <summary>What every twin grain needs from the silo, in one singleton so kinds' constructors stay short.</summary>
public sealed class TwinServices(CityClock clock, IOptions<TwinOptions> options, WriteBehindThrottle throttle, IDeviceCommandSink downlink, ILogger<TwinServices> logger)
{
    public CityClock Clock { get; } = clock;
    public TwinOptions Options { get; } = options.Value;
    public WriteBehindThrottle Throttle { get; } = throttle;
    public IDeviceCommandSink Downlink { get; } = downlink;
    public ILogger Logger { get; } = logger;
}
