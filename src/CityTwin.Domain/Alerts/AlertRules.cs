using CityTwin.Domain.AirQuality;
using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;
using CityTwin.Domain.Streetlights;
using CityTwin.Domain.Trucks;

namespace CityTwin.Domain.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Major,
    Critical,
}

/// <summary>The conditions a district raises an alert for.</summary>
public enum AlertType
{
    /// <summary>
    /// A bin at or over its fullness threshold (<c>fillingLevel&gt;=t</c>): it overflows unless collected. The
    /// bin twin signals only its own threshold, so this is the district's "bin overflowing" alert.
    /// </summary>
    BinFull,
    BinOnFire,
    SensorFailed,
    LampDefective,

    /// <summary>A streetlight gets no supply (fuse, cable, column): dark although it should be lit.</summary>
    LightColumnFault,
    DeviceStale,
    IntersectionGridlocked,
    TruckBrokenDown,
    AirQualityPoor,

    /// <summary>
    /// A citizen reported an overflowing bin or a broken light at this asset (the nearest of its kind). Raised by
    /// reports, not by twin signals; an operator resolves it.
    /// </summary>
    CitizenReport,
}

/// <summary>A signal from one of the district's assets, as the alert rules read it.</summary>
public sealed record AlertSignal(string AssetId, TwinSignalKind Kind, string Code, string? Detail, DateTimeOffset At);

/// <summary>
/// Which twin signal raises or clears which alert, and how severe each is. A condition and its clearing carry the
/// same code (see <see cref="TwinSignal"/>); the kinds that start one raise the alert, their counterparts clear it.
/// </summary>
public static class AlertRules
{
    /// <summary>The intersection twin's condition code for gridlock (see the intersection signals in the grains).</summary>
    public const string GridlockCode = "congested=gridlock";

    /// <summary>The alert a signal concerns and whether it raises (true) or clears it; null when it concerns none.</summary>
    public static (AlertType Type, bool Raises)? Match(TwinSignalKind kind, string code)
    {
        bool raises;
        switch (kind)
        {
            case TwinSignalKind.ThresholdCrossed or TwinSignalKind.FaultRaised or TwinSignalKind.BecameStale:
                raises = true;
                break;
            case TwinSignalKind.ThresholdCleared or TwinSignalKind.FaultCleared or TwinSignalKind.BackOnline:
                raises = false;
                break;
            default:
                return null;
        }

        AlertType? type = code switch
        {
            BinSignalCodes.Fire => AlertType.BinOnFire,
            BinSignalCodes.SensorFailed => AlertType.SensorFailed,
            StreetlightSignal.DefectiveLamp => AlertType.LampDefective,
            StreetlightSignal.ColumnIssue => AlertType.LightColumnFault,
            Staleness.Code => AlertType.DeviceStale,
            GridlockCode => AlertType.IntersectionGridlocked,
            TruckSignal.Broken => AlertType.TruckBrokenDown,
            AirQualitySignal.PoorAir => AlertType.AirQualityPoor,
            _ when code.StartsWith(BinSignalCodes.ThresholdPrefix, StringComparison.Ordinal) => AlertType.BinFull,
            _ => null,
        };
        return type is { } t ? (t, raises) : null;
    }

    /// <summary>
    /// Default severities: a fire endangers people (critical); gridlock, a truck broken down on its round and
    /// poor air need action within the hour (major); the rest wait for the next round of maintenance (warning).
    /// </summary>
    public static AlertSeverity DefaultSeverity(AlertType type) => type switch
    {
        AlertType.BinOnFire => AlertSeverity.Critical,
        AlertType.IntersectionGridlocked or AlertType.TruckBrokenDown or AlertType.AirQualityPoor => AlertSeverity.Major,
        _ => AlertSeverity.Warning,
    };
}
