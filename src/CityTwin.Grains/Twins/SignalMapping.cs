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

    /// <summary>A district's signal as the domain's rules (alerts) read it.</summary>
    public static TwinSignalKind ToDomain(SignalKind kind) => kind switch
    {
        SignalKind.ThresholdCrossed => TwinSignalKind.ThresholdCrossed,
        SignalKind.ThresholdCleared => TwinSignalKind.ThresholdCleared,
        SignalKind.FaultRaised => TwinSignalKind.FaultRaised,
        SignalKind.FaultCleared => TwinSignalKind.FaultCleared,
        SignalKind.BecameStale => TwinSignalKind.BecameStale,
        SignalKind.BackOnline => TwinSignalKind.BackOnline,
        SignalKind.PredictionMoved => TwinSignalKind.PredictionMoved,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A raised-or-cleared condition of a kind's own rules (a fault, an alert) as a twin signal.</summary>
    public static TwinSignal Condition(string code, bool raised, string? detail = null) =>
        new(raised ? TwinSignalKind.FaultRaised : TwinSignalKind.FaultCleared, code, detail);
}
