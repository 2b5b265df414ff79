using System.Text.Json.Serialization;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// Everything a bin twin (WasteContainer) keeps, stored as JSON with the grain. Add members only with
/// defaults, so older rows stay readable. With a full history it stays under 2 KB of JSON: members that
/// are null, false or zero nearly all the time are left out while they are (reading them back gives the
/// same default).
/// Levels are 0..1, weights kg, temperatures °C, times as given by the device.
/// </summary>
public sealed class BinState
{
    /// <summary>Samples of temperature kept for fire detection.</summary>
    public const int TemperatureHistory = 6;

    /// <summary>The current fill (<c>fillingLevel</c>), 0..1; 0 right after an emptying; null before any.</summary>
    public double? FillingLevel { get; set; }

    /// <summary>The level of the latest reading that had one, and the one before (for outliers and oscillations).</summary>
    public double? LastMeasuredLevel { get; set; }

    public double? PriorMeasuredLevel { get; set; }

    /// <summary>Device time of the latest reading that had a level.</summary>
    public DateTimeOffset? LastMeasuredAt { get; set; }

    /// <summary><c>cargoWeight</c>, kg.</summary>
    public double? CargoWeightKg { get; set; }

    public double? TemperatureCelsius { get; set; }

    public BinStatus Status { get; set; } = BinStatus.Unknown;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LidOpen { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Dropped { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Moved { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Burning { get; set; }

    /// <summary>While burning: the temperature below which the fire counts as out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FireClearBelowCelsius { get; set; }

    /// <summary>Whether the latest reading that said so reported wet conditions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Wet { get; set; }

    public DateTimeOffset? DateLastEmptying { get; set; }

    /// <summary>Device time of the newest applied reading.</summary>
    public DateTimeOffset? LastReadingAt { get; set; }

    /// <summary>Whether the bin is at or over its fullness threshold (with hysteresis), and since when.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AboveThreshold { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FullSince { get; set; }

    /// <summary>The fill rate (per hour) seen over the recent readings since the last emptying.</summary>
    public double? FillRatePerHour { get; set; }

    /// <summary>
    /// The long-run rate (per hour) of an hour of weight 1 in <see cref="Profile"/>; survives emptyings and
    /// gives a first prediction right after one.
    /// </summary>
    public double? BaseRatePerHour { get; set; }

    /// <summary>When the fill is expected to reach the fullness threshold; null when not within the horizon.</summary>
    public DateTimeOffset? PredictedFullAt { get; set; }

    /// <summary>Confidence of <see cref="PredictedFullAt"/> from the data alone, before sensor health.</summary>
    public double PredictionBasis { get; set; }

    /// <summary>The prediction last announced with <see cref="TwinSignalKind.PredictionMoved"/>.</summary>
    public DateTimeOffset? AnnouncedPredictedFullAt { get; set; }

    /// <summary>Fill samples since the last emptying, only those the sensor health accepted; times to the minute.</summary>
    public RecentSeries Levels { get; set; } = new(RecentSeries.DefaultCapacity, unitSeconds: 60);

    /// <summary>The last few temperatures, for fire detection.</summary>
    public RecentSeries Temperatures { get; set; } = new(TemperatureHistory);

    public FillRateProfile Profile { get; set; } = new();

    public BinSensorState Sensor { get; set; } = new();

    /// <summary>32-bit hashes of the last few collection ids, oldest first, so one collection counts once.</summary>
    public int[] RecentCollections { get; set; } = [];

    /// <summary>Collections counted.</summary>
    public long Collections { get; set; }

    public ReadingSequenceState Sequence { get; set; } = new();

    public ReadingCounters Counters { get; set; } = new();

    public TwinLiveness Liveness { get; set; } = new();

    /// <summary>
    /// Confidence of <see cref="PredictedFullAt"/>, 0..1: <see cref="PredictionBasis"/> scaled down by a
    /// suspect (×0.5) or failed (×0.1) sensor.
    /// </summary>
    [JsonIgnore]
    public double PredictedFullConfidence => Math.Round(PredictionBasis * Sensor.Health switch
    {
        SensorHealth.Ok => 1,
        SensorHealth.Suspect => BinRuleOptions.SuspectConfidenceFactor,
        _ => BinRuleOptions.FailedConfidenceFactor,
    }, 2);
}

/// <summary>What the bin twin knows about the health of its fill sensor.</summary>
public sealed class BinSensorState
{
    public SensorHealth Health { get; set; } = SensorHealth.Ok;

    /// <summary>The latest fault seen; null while ok.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SensorFault? Reason { get; set; }

    /// <summary>When <see cref="Health"/> last changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Since { get; set; }

    /// <summary>Faulty readings since it stopped being ok.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Faults { get; set; }

    /// <summary>Good readings in a row since the last fault.</summary>
    public int GoodReadings { get; set; }

    /// <summary>How far a failed sensor is on its way back (see <see cref="SensorRecovery"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public SensorRecovery Recovery { get; set; }

    /// <summary>The reading that showed an unexplained drop, and the one before it, so a late collection report can explain it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? UnexplainedDropAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? UnexplainedDropAfter { get; set; }

    /// <summary>The current run of identical levels: the level, since when, how many readings, the weight at its start, and whether an emptying happened during it.</summary>
    public double? RunLevel { get; set; }

    public DateTimeOffset? RunStartedAt { get; set; }

    public int RunReadings { get; set; }

    public double? RunStartWeightKg { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool RunSpansCollection { get; set; }
}
