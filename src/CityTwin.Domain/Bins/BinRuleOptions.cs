using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// The tunable thresholds of the bin rules, each named and documented here with its default
/// (<see cref="Default"/>). Physical limits that are not a matter of taste (temperature range, margins)
/// are constants of <see cref="BinRules"/>.
/// </summary>
public sealed record BinRuleOptions
{
    public static BinRuleOptions Default { get; } = new();

    /// <summary>A suspect sensor's prediction confidence is multiplied by this.</summary>
    public const double SuspectConfidenceFactor = 0.5;

    /// <summary>A failed sensor's prediction confidence is multiplied by this.</summary>
    public const double FailedConfidenceFactor = 0.1;

    // ---- Order ----

    /// <summary>How far a device clock may run ahead of the server before its readings are refused. Default 2 min.</summary>
    public TimeSpan MaxClockSkew { get; init; } = ReadingOrder.DefaultMaxClockSkew;

    // ---- Fullness threshold ----

    /// <summary>
    /// A full bin counts as no longer full only when its level falls this far below the threshold (or it is
    /// collected), so a level wobbling around the threshold does not flap. Default 0.1.
    /// </summary>
    public double ThresholdHysteresis { get; init; } = 0.1;

    // ---- Fill rate and prediction ----

    /// <summary>Readings closer than this to the previous sample do not add one (lid events come in bursts). Default 10 min.</summary>
    public TimeSpan MinSampleSpacing { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Samples since the emptying needed before a rate is learnt from them. Default 4.</summary>
    public int MinPointsForRate { get; init; } = 4;

    /// <summary>Time those samples must span. Default 1 h.</summary>
    public TimeSpan MinSpanForRate { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Below this span the rate of the current samples is blended with the long-run base rate (when there
    /// is one), in proportion to the span. Default 6 h.
    /// </summary>
    public TimeSpan FullTrustSpan { get; init; } = TimeSpan.FromHours(6);

    /// <summary>A base rate (per hour) below this counts as not filling: no prediction. Default 0.0005 (1.2% a day).</summary>
    public double MinRatePerHour { get; init; } = 0.0005;

    /// <summary>How far ahead a prediction may be; further is "not within the horizon" (null). Default 14 days.</summary>
    public TimeSpan PredictionHorizon { get; init; } = TimeSpan.FromDays(14);

    /// <summary>A prediction that moved less than this since the last announced one is not signalled. Default 2 h.</summary>
    public TimeSpan PredictionMovedBy { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The confidence of a prediction made from the long-run base rate alone (right after an emptying). Default 0.3.</summary>
    public double PriorRateConfidence { get; init; } = 0.3;

    /// <summary>A prediction this far ahead has half the confidence of an immediate one. Default 72 h.</summary>
    public TimeSpan HalfConfidenceAhead { get; init; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Memory of the long-run base rate, a time-weighted moving average of the pace between samples: a
    /// stretch of this length would replace it entirely. Two weeks, so a weekly rhythm barely sways it. Default 14 days.
    /// </summary>
    public TimeSpan BaseRateMemory { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Weight of each new observation in an hour-of-week weight of the profile. Default 0.1.</summary>
    public double ProfileLearningRate { get; init; } = 0.1;

    /// <summary>The profile does not learn from a stretch between two samples longer than this (a gap in the readings). Default 3 h.</summary>
    public TimeSpan ProfileLearningMaxStretch { get; init; } = TimeSpan.FromHours(3);

    // ---- Sensor health ----

    /// <summary>A level this much below the recent median without a collection is a fault. Default 0.15.</summary>
    public double FillDropTolerance { get; init; } = 0.15;

    /// <summary>
    /// A collection reported up to this much before the reading preceding a drop, or after the drop, explains
    /// it (clocks of truck and bin differ). Default 10 min.
    /// </summary>
    public TimeSpan CollectionClockSlack { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Identical levels for this long (and <see cref="StuckMinReadings"/> readings) mean a stuck sensor. Default 72 h.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Readings of one identical level needed, besides <see cref="StuckAfter"/>. Default 24.</summary>
    public int StuckMinReadings { get; init; } = 24;

    /// <summary>Levels at or below this are exempt from the time rule: an unused, empty bin reads the same for days. Default 0.02.</summary>
    public double StuckExemptBelow { get; init; } = 0.02;

    /// <summary>An identical level while the load cell changed by this much is a stuck sensor. Default 5 kg.</summary>
    public double StuckWeightChangeKg { get; init; } = 5;

    /// <summary>While wet, two jumps of at least this size in opposite directions are erratic. Default 0.25.</summary>
    public double ErraticJump { get; init; } = 0.25;

    /// <summary>Relative humidity (%) from which a bin counts as wet, when the device does not say. Default 90.</summary>
    public double WetHumidityPercent { get; init; } = 90;

    /// <summary>
    /// Ultrasonic and load cell disagree when the volume says at most <see cref="EmptyByVolume"/> while the
    /// weight says at least <see cref="HeavyByWeight"/> of the maximum load (0.1 / 0.5), or the volume says at
    /// least <see cref="FullByVolume"/> while the weight is at most <see cref="EmptyByWeight"/> (0.9 / 0.02).
    /// Deliberately wide: waste density varies tenfold between streams.
    /// </summary>
    public double EmptyByVolume { get; init; } = 0.1;

    public double HeavyByWeight { get; init; } = 0.5;

    public double FullByVolume { get; init; } = 0.9;

    public double EmptyByWeight { get; init; } = 0.02;

    /// <summary>Faulty readings (counting the first) that turn a suspect sensor into a failed one. Default 3.</summary>
    public int FaultsToFail { get; init; } = 3;

    /// <summary>Good readings in a row that bring a suspect sensor (or a failed one after an emptying) back to ok. Default 8.</summary>
    public int GoodReadingsToRecover { get; init; } = 8;

    /// <summary>After a collection, a failed sensor must read at most this to start recovering. Default 0.3.</summary>
    public double PostCollectionMaxLevel { get; init; } = 0.3;

    // ---- Fire ----

    /// <summary>A temperature from which the bin counts as burning whatever the trend. Default 70 °C.</summary>
    public double FireAbsoluteCelsius { get; init; } = 70;

    /// <summary>
    /// Fire when the temperature rose by at least this much, at least <see cref="FireRiseCelsiusPerMinute"/>
    /// fast, since a reading at most <see cref="FireRiseLookback"/> old. Default 10 °C.
    /// </summary>
    public double FireRiseCelsius { get; init; } = 10;

    /// <summary>See <see cref="FireRiseCelsius"/>. Default 1 °C/min (10 °C in 10 minutes).</summary>
    public double FireRiseCelsiusPerMinute { get; init; } = 1;

    /// <summary>See <see cref="FireRiseCelsius"/>. Default 30 min, so bins reporting every 15 minutes are covered.</summary>
    public TimeSpan FireRiseLookback { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A fire counts as out below <see cref="FireAbsoluteCelsius"/> minus this, or, if raised by a fast rise,
    /// below the temperature before the rise plus half of <see cref="FireRiseCelsius"/>, whichever is lower. Default 10 °C.
    /// </summary>
    public double FireClearMarginCelsius { get; init; } = 10;

    // ---- Position ----

    /// <summary>Tilted beyond this the bin has fallen over. Default 60°.</summary>
    public double DroppedTiltDegrees { get; init; } = 60;

    /// <summary>A fallen bin counts as upright again below this tilt. Default 45°.</summary>
    public double UprightTiltDegrees { get; init; } = 45;

    /// <summary>A reading located this far from the provisioned place means the bin was moved. Default 50 m.</summary>
    public double MovedDistanceMetres { get; init; } = 50;

    /// <summary>A moved bin counts as back within this distance. Default 25 m.</summary>
    public double BackInPlaceMetres { get; init; } = 25;
}
