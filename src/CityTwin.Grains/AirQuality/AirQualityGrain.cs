using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.AirQuality;
using CityTwin.Domain.Common;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using Orleans.Runtime;
using static System.FormattableString;

namespace CityTwin.Grains.AirQuality;

public sealed class AirQualityGrain(
    TwinServices services)
    : TwinGrain<AirQualityState>(StorageNames.AirQualityTwinState, services), IAirQualityGrain
{
    private AirQualityParameters parameters = new();

    protected override AssetKind Kind => AssetKind.AirQuality;

    protected override IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec)
    {
        var unknown = Names(spec).Where(name => !Pollutants.TryParse(name, out _)).ToList();
        return unknown.Count > 0
            ? [new("measuredPollutants", $"'{string.Join("', '", unknown)}' is not one of {Pollutants.Known}")]
            : AirQualityValidation.Validate(ToParameters(spec));
    }

    /// <summary>Only called with a spec that passed <see cref="ValidateSpec"/>.</summary>
    protected override void OnSpecChanged(AssetSpec spec) => parameters = ToParameters(spec);

    public Task<ReadingResult> Report(DeviceStamp stamp, AirQualityTelemetry reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var domainReading = new AirQualityReading(
            reading.Pm25, reading.Pm10, reading.No2, reading.O3, reading.Temperature, reading.RelativeHumidity);
        return AcceptReading(
            stamp,
            () => AirQualityValidation.Validate(domainReading, parameters),
            // Hourly means belong to the hour the air was measured, not the hour the reading arrived in;
            // reading order guarantees the device time of an applied reading never goes backwards, which
            // the rules need. So a late reading is only counted: it cannot go back into a running mean.
            _ => AirQualityRules.Apply(KindState, parameters, domainReading, stamp.DeviceTime).Signals
                .Select(ToTwinSignal)
                .ToList());
    }

    public async Task<CommandResult> ApplyDriftAssessment(string pollutant, IReadOnlyList<IReadOnlyList<double?>> neighbourHourlyMeans)
    {
        if (Provisioned is not { } provision)
            return Rejected("assetId", $"no air-quality sensor '{AssetId}' is provisioned");
        if (!Pollutants.TryParse(pollutant, out var measured))
            return Rejected("pollutant", $"'{pollutant}' is not one of {Pollutants.Known}");
        if (!parameters.MeasuredPollutants.Contains(measured))
            return Rejected("pollutant", $"this sensor is not provisioned to measure {pollutant}");
        var violations = HourlySeries.Validate(neighbourHourlyMeans);
        if (violations.Count > 0)
            return Rejected(violations);

        var assessment = DriftDetector.Assess(
            AirQualityRules.HourlyMeans(KindState, measured, LastCompletedHour),
            [.. neighbourHourlyMeans.Select(HourlySeries.ToDomain)],
            Pollutants.HistoryOf(KindState, measured).DriftSuspect,
            DriftCriteria.For(measured));
        if (!assessment.Conclusive)
            return CommandResult.Ok;

        var signals = AirQualityRules.ApplyDrift(KindState, measured, assessment);
        await WriteThroughAsync();
        Tell(provision, Now, [.. signals.Select(ToTwinSignal)]);
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<double?>> GetHourlyMeans(string pollutant)
    {
        if (!Pollutants.TryParse(pollutant, out var measured))
            throw new ArgumentException($"'{pollutant}' is not one of {Pollutants.Known}", nameof(pollutant));
        return Task.FromResult<IReadOnlyList<double?>>(
            HourlySeries.ToContract(AirQualityRules.HourlyMeans(KindState, measured, LastCompletedHour)));
    }

    public Task<AirQualityTwin?> GetTwin() => Task.FromResult(Twin());

    protected override object? KindTwin() => Twin();

    private AirQualityTwin? Twin()
    {
        if (State.Record is null)
            return null;
        var air = KindState;
        var now = Now;
        return new AirQualityTwin(
            AssetId,
            air.Pm25,
            air.Pm10,
            air.No2,
            air.O3,
            air.Temperature,
            air.RelativeHumidity,
            air.AirQualityLevel is { } index ? (int)index : null,
            air.AirQualityLevel is { } level ? JsonNames.Of(level) : null,
            air.DominantPollutant is { } dominant ? AirQualityValidation.FieldName(dominant) : null,
            air.LevelHour,
            air.PoorAirAlert,
            air.LastReadingAt,
            [.. parameters.MeasuredPollutants.Select(p => PollutantStatusOf(air, p, now))],
            HourlySeries.Samples(air, now));
    }

    protected override string[] BandNames => PictureNames;

    private static readonly string[] PictureNames = [PictureBands.AirQuality, PictureBands.Health];

    protected override void WriteBands(Span<string> values)
    {
        values[0] = KindState.AirQualityLevel is { } level ? JsonNames.Of(level) : PictureBands.Unknown;
        values[1] = parameters.MeasuredPollutants.Any(p => Pollutants.HistoryOf(KindState, p).DriftSuspect) ? "suspect" : "ok";
    }

    /// <summary>Drift compares completed hours only: a running hour's mean rests on a few readings.</summary>
    private DateTimeOffset LastCompletedHour => Now.AddHours(-1);

    private static PollutantStatus PollutantStatusOf(AirQualityState air, Pollutant pollutant, DateTimeOffset now)
    {
        var history = Pollutants.HistoryOf(air, pollutant);
        return new PollutantStatus(
            AirQualityValidation.FieldName(pollutant),
            AirQualityRules.RunningDailyMean(air, pollutant, now),
            history.DriftSuspect,
            HourlySeries.Reported(history.DriftRatio));
    }

    /// <summary>
    /// Poor air is a threshold on the index; drift is a fault of the sensor, one condition per pollutant so
    /// the district counts a sensor drifting in pm25 and no2 twice and clears them apart.
    /// </summary>
    private TwinSignal ToTwinSignal(AirQualitySignal signal) => signal switch
    {
        { Code: AirQualitySignal.PoorAir } => new TwinSignal(
            signal.Raised ? TwinSignalKind.ThresholdCrossed : TwinSignalKind.ThresholdCleared,
            AirQualitySignal.PoorAir,
            KindState.AirQualityLevel is { } level ? LevelDetail(level) : null),
        { Code: AirQualitySignal.Drift, Pollutant: { } pollutant } => SignalMapping.Condition(
            $"{AirQualitySignal.Drift}.{AirQualityValidation.FieldName(pollutant)}",
            signal.Raised,
            Pollutants.HistoryOf(KindState, pollutant).DriftRatio is { } ratio ? Invariant($"median ratio to neighbours {ratio:0.##}") : null),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not an air-quality signal"),
    };

    private string LevelDetail(AirQualityLevel level) =>
        KindState.DominantPollutant is { } dominant
            ? $"{JsonNames.Of(level)} ({AirQualityValidation.FieldName(dominant)})"
            : JsonNames.Of(level);

    private static IReadOnlyList<string> Names(AssetSpec spec) => ((AirQualitySpec)spec).MeasuredPollutants ?? [];

    private static AirQualityParameters ToParameters(AssetSpec spec) => new()
    {
        MeasuredPollutants = [.. Names(spec).Select(Pollutants.Parse)],
    };
}
