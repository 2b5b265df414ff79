using CityTwin.Contracts.Assets;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Twins;

/// <summary>How twins persist readings and judge their devices; bound from the Twins configuration section.</summary>
public sealed class TwinOptions
{
    /// <summary>
    /// Readings are written behind: at most one write per twin per interval (and on deactivation), by
    /// the silo's one <see cref="WriteBehindScheduler"/>. Provisioning and commands are always written through.
    /// Zero writes every reading through before it is acknowledged: slower, but a reading acknowledged at
    /// QoS 1 then survives a crash of the silo.
    /// </summary>
    public TimeSpan WriteBehindInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Twins writing behind at once, silo-wide. A slow database makes the scheduler's rounds longer and
    /// each twin's next write fold in more changes, never a longer queue.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 32;

    /// <summary>How far a device's clock may run ahead of ours before its readings are refused.</summary>
    public TimeSpan MaxClockSkew { get; set; } = ReadingOrder.DefaultMaxClockSkew;

    /// <summary>How often each district looks for overdue twins.</summary>
    public TimeSpan StalenessSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    public Dictionary<AssetKind, StalenessPolicy> Staleness { get; set; } = new()
    {
        [AssetKind.Bin] = StalenessPolicy.Bins,
        [AssetKind.Streetlight] = StalenessPolicy.Streetlights,
        [AssetKind.Intersection] = StalenessPolicy.Intersections,
        [AssetKind.Truck] = StalenessPolicy.Trucks,
        [AssetKind.AirQuality] = StalenessPolicy.AirQuality,
    };
}
