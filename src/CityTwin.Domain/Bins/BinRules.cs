using System.Globalization;
using System.Text;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// The rules of a bin twin (WasteContainer). <see cref="Apply"/> is the one entry point for a device
/// reading; <see cref="ApplyCollection"/> takes a collection reported by a truck; <see cref="CheckStale"/>
/// is called when the district's deadline index says the bin is overdue; <see cref="ReplaceDevice"/>
/// when a new device is fitted. All mutate the given <see cref="BinState"/> and return what the district
/// must hear.
/// </summary>
public static class BinRules
{
    /// <summary>An ultrasonic distance up to this much beyond the provisioned depth is noise, further is out of range.</summary>
    public const double DistanceMarginCm = 10;

    public const double MinTemperatureCelsius = -40;
    public const double MaxTemperatureCelsius = 150;

    /// <summary>A load-cell weight above the maximum load times this is out of range.</summary>
    public const double OverloadFactor = 2;

    public const int MaxCollectionIdLength = 128;

    /// <summary>How many collection ids are remembered to count a collection reported twice only once.</summary>
    public const int RememberedCollections = 4;

    /// <summary>Every rule the reading breaks; empty when it is acceptable.</summary>
    public static IReadOnlyList<RuleViolation> Validate(BinReading reading, BinParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(parameters);
        var violations = new List<RuleViolation>();
        if (reading.DistanceCm is { } distance)
        {
            if (parameters.DepthCm is not { } depth)
                violations.Add(new("distanceCm", "cannot be read: the bin has no provisioned depth"));
            else if (!double.IsFinite(distance) || distance < 0 || distance > depth + DistanceMarginCm)
                violations.Add(new("distanceCm", $"{distance} is outside 0..{depth + DistanceMarginCm} cm (depth {depth} cm plus {DistanceMarginCm} cm)"));
        }

        if (reading.FillingLevel is { } level && (!double.IsFinite(level) || level is < 0 or > 1))
            violations.Add(new("fillingLevel", $"{level} is outside 0..1"));

        if (reading.CargoWeightKg is { } weight)
        {
            if (!double.IsFinite(weight) || weight < 0)
                violations.Add(new("cargoWeight", $"{weight} kg is negative"));
            else if (parameters.MaxLoadKg is { } max && weight > max * OverloadFactor)
                violations.Add(new("cargoWeight", $"{weight} kg is more than {OverloadFactor} times the maximum load of {max} kg"));
        }

        if (reading.TemperatureCelsius is { } temperature
            && (!double.IsFinite(temperature) || temperature is < MinTemperatureCelsius or > MaxTemperatureCelsius))
            violations.Add(new("temperature", $"{temperature} °C is outside {MinTemperatureCelsius}..{MaxTemperatureCelsius} °C"));

        if (reading.TiltDegrees is { } tilt && (!double.IsFinite(tilt) || tilt is < 0 or > 180))
            violations.Add(new("tiltDegrees", $"{tilt} is outside 0..180"));

        if (reading.HumidityPercent is { } humidity && (!double.IsFinite(humidity) || humidity is < 0 or > 100))
            violations.Add(new("humidityPercent", $"{humidity} is outside 0..100"));

        if (reading.Latitude.HasValue != reading.Longitude.HasValue)
            violations.Add(new(reading.Latitude.HasValue ? "longitude" : "latitude", "latitude and longitude go together"));
        if (reading.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
            violations.Add(new("latitude", $"{lat} is outside -90..90"));
        if (reading.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
            violations.Add(new("longitude", $"{lon} is outside -180..180"));

        if (reading.CollectionId is { } id)
            ValidateCollectionId(id, violations);
        return violations;
    }

    /// <summary>
    /// Applies one reading: refuses it when it is from the future or breaks a rule (an out-of-range fill
    /// measure also counts against the sensor), ignores a duplicate, counts a late one (its collection, if
    /// any, still counts), and otherwise updates position, lid, temperature and fire, weight, fill, sensor
    /// health, the rate and prediction (only while the sensor is ok), the threshold and the status.
    /// </summary>
    public static BinOutcome Apply(
        BinState state, BinParameters parameters, ReadingStamp stamp, BinReading reading,
        DateTimeOffset now, TimeZoneInfo districtZone, BinRuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(districtZone);
        var o = options ?? BinRuleOptions.Default;
        var signals = new List<TwinSignal>();

        var order = ReadingOrder.Classify(state.Sequence, stamp, now, o.MaxClockSkew);
        if (order.Verdict == ReadingVerdict.Duplicate)
        {
            state.Counters.Count(ReadingVerdict.Duplicate);
            return new(ReadingDisposition.Duplicate, [], []);
        }

        if (Staleness.Heard(state.Liveness, now) is { } backOnline)
            signals.Add(backOnline);

        if (order.Verdict == ReadingVerdict.FromFuture)
        {
            state.Counters.Count(ReadingVerdict.FromFuture);
            return new(ReadingDisposition.Rejected, [new("deviceTime", order.Reason!)], signals, order.Reason);
        }

        var t = stamp.DeviceTime;
        var violations = Validate(reading, parameters);
        if (violations.Count > 0)
        {
            state.Counters.CountInvalid();
            ReadingOrder.MarkSeen(state.Sequence, stamp);
            if (order.Verdict == ReadingVerdict.Apply && FillMeasureOutOfRange(reading, parameters))
            {
                BinSensorRules.Observe(state.Sensor, SensorFault.OutOfRange, t, o, signals);
                UpdateStatus(state);
            }

            return new(ReadingDisposition.Rejected, violations, signals);
        }

        if (reading.CollectionId is { } collectionId)
            CountCollection(state, parameters, collectionId, t, districtZone, o, signals);

        if (order.Verdict == ReadingVerdict.Late)
        {
            state.Counters.Count(ReadingVerdict.Late);
            ReadingOrder.Record(state.Sequence, stamp, ReadingVerdict.Late);
            return new(ReadingDisposition.Late, [], signals, order.Reason);
        }

        state.Counters.Count(ReadingVerdict.Apply);
        ReadingOrder.Record(state.Sequence, stamp, ReadingVerdict.Apply);
        state.LastReadingAt = t;

        if (reading.LidOpen is { } lidOpen)
            state.LidOpen = lidOpen;
        ApplyTilt(state, reading, o, signals);
        ApplyLocation(state, parameters, reading, o, signals);
        if (reading.TemperatureCelsius is { } temperature)
            ApplyTemperature(state, temperature, t, o, signals);
        if (reading.CargoWeightKg is { } weight)
            state.CargoWeightKg = weight;
        state.Wet = reading.Wet ?? (reading.HumidityPercent is { } humidity ? humidity >= o.WetHumidityPercent : state.Wet);

        if (BinFill.Measure(reading, parameters) is { } measurement)
            ApplyFill(state, parameters, reading, measurement, t, districtZone, o, signals);

        UpdateStatus(state);
        return new(ReadingDisposition.Applied, [], signals);
    }

    /// <summary>
    /// A collection reported by a truck (or by anything but the bin's own reading). Counted once per
    /// <paramref name="collectionId"/>: the truck and the bin's RFID reader may both report it. Sets
    /// <c>dateLastEmptying</c>, puts the level at 0 (unless a reading after the collection already gave
    /// one), restarts the rate samples (the learnt profile stays) and clears the threshold.
    /// </summary>
    public static BinOutcome ApplyCollection(
        BinState state, BinParameters parameters, string collectionId, DateTimeOffset at,
        DateTimeOffset now, TimeZoneInfo districtZone, BinRuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(districtZone);
        var o = options ?? BinRuleOptions.Default;
        var violations = new List<RuleViolation>();
        ValidateCollectionId(collectionId, violations);
        if (at > now + o.MaxClockSkew)
            violations.Add(new("at", $"{at:O} is in the future"));
        if (violations.Count > 0)
            return new(ReadingDisposition.Rejected, violations, []);

        var signals = new List<TwinSignal>();
        var counted = CountCollection(state, parameters, collectionId, at, districtZone, o, signals);
        UpdateStatus(state);
        return new(counted ? ReadingDisposition.Applied : ReadingDisposition.Duplicate, [], signals);
    }

    /// <summary>
    /// Called when the district's <see cref="DeadlineIndex"/> found the bin overdue: marks it stale when its
    /// deadline has really passed. Null when nothing changed.
    /// </summary>
    public static TwinSignal? CheckStale(BinState state, DateTimeOffset now, StalenessPolicy policy, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Staleness.CheckOverdue(state.Liveness, now, policy, startedAt);
    }

    /// <summary>
    /// A new device was fitted to the bin: its reading sequence, sensor health and recent samples start
    /// afresh; the bin's learnt rate and profile, its counters and collections stay.
    /// </summary>
    public static IReadOnlyList<TwinSignal> ReplaceDevice(BinState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ReadingOrder.Reset(state.Sequence);
        state.Levels.Clear();
        state.Temperatures.Clear();
        state.LastMeasuredLevel = null;
        state.PriorMeasuredLevel = null;
        var signals = new List<TwinSignal>();
        if (BinSensorRules.Replace(state, now) is { } cleared)
            signals.Add(cleared);
        return signals;
    }

    private static void ApplyFill(
        BinState state, BinParameters parameters, BinReading reading, FillMeasurement measurement,
        DateTimeOffset t, TimeZoneInfo zone, BinRuleOptions o, List<TwinSignal> signals)
    {
        var level = Math.Round(measurement.Level, 3);
        var sensor = state.Sensor;
        var lastSample = state.Levels.Last;
        var fault = DetectFault(state, reading, measurement, level, t, o);

        if (sensor.Health == SensorHealth.Failed && sensor.Recovery == SensorRecovery.AwaitingEmptyReading)
            sensor.Recovery = fault is null && level <= o.PostCollectionMaxLevel ? SensorRecovery.Armed : SensorRecovery.None;

        BinSensorRules.Observe(sensor, fault, t, o, signals);

        var robustLevel = state.LastMeasuredLevel is { } l1 && state.PriorMeasuredLevel is { } l0
            ? Statistics.Median(level, l1, l0)
            : level;
        state.PriorMeasuredLevel = state.LastMeasuredLevel;
        state.LastMeasuredLevel = level;
        state.LastMeasuredAt = t;
        state.FillingLevel = level;

        if (fault == SensorFault.FillDropWithoutCollection)
        {
            sensor.UnexplainedDropAt = t;
            sensor.UnexplainedDropAfter = lastSample?.Time;
            state.Levels.Clear();
        }

        var appended = fault is null
            && (state.Levels.Last is not { } previous || t - previous.Time >= o.MinSampleSpacing)
            && state.Levels.Add(t, level);

        if (sensor.Health != SensorHealth.Ok)
            return;
        EvaluateThreshold(state, parameters, robustLevel, t, o, signals);
        FillForecast.Update(state, parameters, t, zone, o, fromSeries: true, learn: appended, signals);
    }

    /// <summary>The first fault the reading shows, checked in order: disagreement, stuck, erratic when wet, unexplained drop.</summary>
    private static SensorFault? DetectFault(
        BinState state, BinReading reading, FillMeasurement measurement, double level, DateTimeOffset t, BinRuleOptions o)
    {
        var disagree = BinFill.Disagree(measurement, o);
        var stuck = TrackRun(state.Sensor, level, reading.CargoWeightKg, t, o);
        if (disagree)
            return SensorFault.SensorsDisagree;
        if (stuck)
            return SensorFault.Stuck;

        if (state.Wet && state.LastMeasuredLevel is { } l1 && state.PriorMeasuredLevel is { } l0)
        {
            var before = l1 - l0;
            var now = level - l1;
            if (Math.Abs(before) >= o.ErraticJump && Math.Abs(now) >= o.ErraticJump && Math.Sign(before) != Math.Sign(now))
                return SensorFault.ErraticWhenWet;
        }

        double? reference = state.Levels.Count >= 3
            ? Statistics.Median(state.Levels[^1].Value, state.Levels[^2].Value, state.Levels[^3].Value)
            : state.Levels.Last?.Value ?? state.LastMeasuredLevel;
        if (reference is { } r && level < r - o.FillDropTolerance)
            return SensorFault.FillDropWithoutCollection;
        return null;
    }

    /// <summary>Follows the run of identical levels; true when it shows a stuck sensor.</summary>
    private static bool TrackRun(BinSensorState sensor, double level, double? weight, DateTimeOffset t, BinRuleOptions o)
    {
        const double identical = 0.0005;
        if (sensor.RunLevel is not { } runLevel || Math.Abs(level - runLevel) > identical || sensor.RunStartedAt is not { } since)
        {
            sensor.RunLevel = level;
            sensor.RunStartedAt = t;
            sensor.RunReadings = 1;
            sensor.RunStartWeightKg = weight;
            sensor.RunSpansCollection = false;
            return false;
        }

        sensor.RunReadings = Math.Min(sensor.RunReadings + 1, 1_000_000);
        sensor.RunStartWeightKg ??= weight;
        var exempt = level <= o.StuckExemptBelow;
        if (sensor.RunSpansCollection && !exempt)
            return true;
        if (weight is { } w && sensor.RunStartWeightKg is { } w0 && Math.Abs(w - w0) >= o.StuckWeightChangeKg)
            return true;
        return !exempt && sensor.RunReadings >= o.StuckMinReadings && t - since >= o.StuckAfter;
    }

    private static void EvaluateThreshold(
        BinState state, BinParameters parameters, double level, DateTimeOffset t, BinRuleOptions o, List<TwinSignal> signals)
    {
        var threshold = parameters.BinFullnessThreshold;
        if (!state.AboveThreshold && level >= threshold)
        {
            state.AboveThreshold = true;
            state.FullSince = t;
            signals.Add(new(TwinSignalKind.ThresholdCrossed, BinSignalCodes.Threshold(threshold),
                level.ToString("0.###", CultureInfo.InvariantCulture)));
        }
        else if (state.AboveThreshold && level < threshold - o.ThresholdHysteresis)
        {
            ClearThreshold(state, parameters, level.ToString("0.###", CultureInfo.InvariantCulture), signals);
        }
    }

    private static void ClearThreshold(BinState state, BinParameters parameters, string detail, List<TwinSignal> signals)
    {
        state.AboveThreshold = false;
        state.FullSince = null;
        signals.Add(new(TwinSignalKind.ThresholdCleared, BinSignalCodes.Threshold(parameters.BinFullnessThreshold), detail));
    }

    /// <summary>Counts a collection once by id; false when it was already counted.</summary>
    private static bool CountCollection(
        BinState state, BinParameters parameters, string collectionId, DateTimeOffset at, TimeZoneInfo zone,
        BinRuleOptions o, List<TwinSignal> signals)
    {
        var hash = CollectionHash(collectionId);
        if (Array.IndexOf(state.RecentCollections, hash) >= 0)
            return false;
        state.RecentCollections = [.. state.RecentCollections.TakeLast(RememberedCollections - 1), hash];
        state.Collections++;

        // An older collection reported late: counted, but the bin has been emptied since.
        if (state.DateLastEmptying is { } last && at < last)
            return true;

        state.DateLastEmptying = at;
        var readingAfter = state.LastMeasuredAt is { } measuredAt && measuredAt > at;
        state.Levels.RemoveBefore(at);
        state.FillRatePerHour = null;
        if (readingAfter)
        {
            state.PriorMeasuredLevel = null;
        }
        else
        {
            state.FillingLevel = 0;
            state.LastMeasuredLevel = null;
            state.PriorMeasuredLevel = null;
        }

        if (state.AboveThreshold)
            ClearThreshold(state, parameters, "collected", signals);

        var sensor = state.Sensor;
        if (sensor.UnexplainedDropAt is { } dropAt
            && at >= (sensor.UnexplainedDropAfter ?? dropAt) - o.CollectionClockSlack
            && at <= dropAt + o.CollectionClockSlack)
            BinSensorRules.DropExplained(sensor, at, signals);
        sensor.UnexplainedDropAt = null;
        sensor.UnexplainedDropAfter = null;

        if (sensor.Health == SensorHealth.Failed)
        {
            sensor.GoodReadings = 0;
            sensor.Recovery = !readingAfter ? SensorRecovery.AwaitingEmptyReading
                : state.LastMeasuredLevel <= o.PostCollectionMaxLevel ? SensorRecovery.Armed
                : SensorRecovery.None;
        }

        if (!readingAfter && sensor.RunLevel is not null)
            sensor.RunSpansCollection = true;

        var from = state.LastReadingAt is { } lastReading && lastReading > at ? lastReading : at;
        FillForecast.Update(state, parameters, from, zone, o, fromSeries: sensor.Health == SensorHealth.Ok, learn: false, signals);
        return true;
    }

    private static void ApplyTemperature(BinState state, double temperature, DateTimeOffset t, BinRuleOptions o, List<TwinSignal> signals)
    {
        state.TemperatureCelsius = temperature;
        double? riseFrom = null;
        foreach (var sample in state.Temperatures.Samples(t - o.FireRiseLookback))
        {
            var minutes = (t - sample.Time).TotalMinutes;
            var rise = temperature - sample.Value;
            if (minutes > 0 && rise >= o.FireRiseCelsius && rise / minutes >= o.FireRiseCelsiusPerMinute)
                riseFrom = riseFrom is { } lowest ? Math.Min(lowest, sample.Value) : sample.Value;
        }

        var hot = temperature >= o.FireAbsoluteCelsius;
        if (!state.Burning && (hot || riseFrom is not null))
        {
            state.Burning = true;
            var clearBelow = o.FireAbsoluteCelsius - o.FireClearMarginCelsius;
            if (riseFrom is { } before)
                clearBelow = Math.Min(clearBelow, before + o.FireRiseCelsius / 2);
            state.FireClearBelowCelsius = clearBelow;
            var detail = riseFrom is { } from
                ? string.Create(CultureInfo.InvariantCulture, $"{temperature:0.#} °C, up from {from:0.#} °C")
                : string.Create(CultureInfo.InvariantCulture, $"{temperature:0.#} °C");
            signals.Add(new(TwinSignalKind.FaultRaised, BinSignalCodes.Fire, detail));
        }
        else if (state.Burning && !hot && riseFrom is null && temperature < (state.FireClearBelowCelsius ?? o.FireAbsoluteCelsius - o.FireClearMarginCelsius))
        {
            state.Burning = false;
            state.FireClearBelowCelsius = null;
            signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.Fire, $"{temperature.ToString("0.#", CultureInfo.InvariantCulture)} °C"));
        }

        state.Temperatures.Add(t, temperature);
    }

    private static void ApplyTilt(BinState state, BinReading reading, BinRuleOptions o, List<TwinSignal> signals)
    {
        if (reading.TiltDegrees is not { } tilt)
            return;
        if (!state.Dropped && tilt > o.DroppedTiltDegrees)
        {
            state.Dropped = true;
            signals.Add(new(TwinSignalKind.FaultRaised, BinSignalCodes.Dropped, $"tilted {tilt.ToString("0", CultureInfo.InvariantCulture)}°"));
        }
        else if (state.Dropped && tilt < o.UprightTiltDegrees)
        {
            state.Dropped = false;
            signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.Dropped, $"tilted {tilt.ToString("0", CultureInfo.InvariantCulture)}°"));
        }
    }

    private static void ApplyLocation(BinState state, BinParameters parameters, BinReading reading, BinRuleOptions o, List<TwinSignal> signals)
    {
        if (reading is not { Latitude: { } lat, Longitude: { } lon } || parameters is not { Latitude: { } homeLat, Longitude: { } homeLon })
            return;
        var metres = GeoDistance.HaversineMetres(homeLat, homeLon, lat, lon);
        var detail = $"{metres.ToString("0", CultureInfo.InvariantCulture)} m from its place";
        if (!state.Moved && metres > o.MovedDistanceMetres)
        {
            state.Moved = true;
            signals.Add(new(TwinSignalKind.FaultRaised, BinSignalCodes.Moved, detail));
        }
        else if (state.Moved && metres <= o.BackInPlaceMetres)
        {
            state.Moved = false;
            signals.Add(new(TwinSignalKind.FaultCleared, BinSignalCodes.Moved, detail));
        }
    }

    private static void UpdateStatus(BinState state) =>
        state.Status = state switch
        {
            { LastReadingAt: null } => BinStatus.Unknown,
            { Burning: true } => BinStatus.Burning,
            { Dropped: true } => BinStatus.Dropped,
            { Moved: true } => BinStatus.Moved,
            { LidOpen: true } => BinStatus.LidOpen,
            _ => BinStatus.Ok,
        };

    /// <summary>Whether the reading's fill measures (distance, level, weight) are physically impossible.</summary>
    private static bool FillMeasureOutOfRange(BinReading reading, BinParameters parameters) =>
        (reading.DistanceCm is { } d && parameters.DepthCm is { } depth && (!double.IsFinite(d) || d < 0 || d > depth + DistanceMarginCm))
        || (reading.FillingLevel is { } l && (!double.IsFinite(l) || l is < 0 or > 1))
        || (reading.CargoWeightKg is { } w && (!double.IsFinite(w) || w < 0 || (parameters.MaxLoadKg is { } max && w > max * OverloadFactor)));

    private static void ValidateCollectionId(string? id, List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(id))
            violations.Add(new("collectionId", "is required"));
        else if (id.Length > MaxCollectionIdLength)
            violations.Add(new("collectionId", $"must be at most {MaxCollectionIdLength} characters"));
    }

    /// <summary>32-bit FNV-1a of the id's UTF-8 bytes: remembers ids compactly; among a handful a collision is a one-in-a-billion event.</summary>
    internal static int CollectionHash(string collectionId)
    {
        var hash = 2166136261U;
        foreach (var b in Encoding.UTF8.GetBytes(collectionId))
        {
            hash ^= b;
            hash *= 16777619U;
        }

        return unchecked((int)hash);
    }
}
