using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// What became of a reading or collection report: how it was taken (<see cref="Disposition"/>), what
/// was wrong with it when it was refused, what the district must hear, and for a late reading or a
/// refused one from the future why.
/// </summary>
public sealed record BinOutcome(
    ReadingDisposition Disposition,
    IReadOnlyList<RuleViolation> Violations,
    IReadOnlyList<TwinSignal> Signals,
    string? Note = null)
{
    public bool Accepted => Disposition is ReadingDisposition.Applied or ReadingDisposition.Late;
}

/// <summary>The signal codes a bin uses (besides <see cref="Staleness.Code"/>).</summary>
public static class BinSignalCodes
{
    public const string Fire = "fire";
    public const string Dropped = "dropped";
    public const string Moved = "moved";
    public const string SensorSuspect = "sensor.suspect";
    public const string SensorFailed = "sensor.failed";
    public const string PredictedFullAt = "predictedFullAt";

    /// <summary>What every fill-threshold code starts with.</summary>
    public const string ThresholdPrefix = "fillingLevel>=";

    /// <summary><c>fillingLevel&gt;=0.8</c> for a threshold of 0.8.</summary>
    public static string Threshold(double threshold) =>
        ThresholdPrefix + threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The camelCase name of a fault, as used in signal details.</summary>
    public static string Of(SensorFault fault) => fault switch
    {
        SensorFault.OutOfRange => "outOfRange",
        SensorFault.Stuck => "stuck",
        SensorFault.FillDropWithoutCollection => "fillDropWithoutCollection",
        SensorFault.ErraticWhenWet => "erraticWhenWet",
        SensorFault.SensorsDisagree => "sensorsDisagree",
        _ => fault.ToString(),
    };
}
