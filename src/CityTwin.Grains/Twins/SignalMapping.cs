using CityTwin.Contracts.Districts;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Twins;

/// <summary>The domain's twin signals as the district contract carries them.</summary>
public static class SignalMapping
{
    public static DistrictSignal ToDistrict(TwinSignal signal) => new(
        signal.Kind switch
        {
            TwinSignalKind.ThresholdCrossed => SignalKind.ThresholdCrossed,
            TwinSignalKind.ThresholdCleared => SignalKind.ThresholdCleared,
            TwinSignalKind.FaultRaised => SignalKind.FaultRaised,
            TwinSignalKind.FaultCleared => SignalKind.FaultCleared,
            TwinSignalKind.BecameStale => SignalKind.BecameStale,
            TwinSignalKind.BackOnline => SignalKind.BackOnline,
            TwinSignalKind.PredictionMoved => SignalKind.PredictionMoved,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.Kind, null),
        },
        signal.Code,
        signal.Detail);

    /// <summary>A raised-or-cleared condition of a kind's own rules (a fault, an alert) as a twin signal.</summary>
    public static TwinSignal Condition(string code, bool raised, string? detail = null) =>
        new(raised ? TwinSignalKind.FaultRaised : TwinSignalKind.FaultCleared, code, detail);
}
