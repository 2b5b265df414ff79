using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using Orleans.Runtime;

namespace CityTwin.Grains.Bins;

/// <summary>
/// A waste bin's twin. The bin rules keep the reading order, counters and liveness themselves, since a
/// late reading's collection still counts; the twin hands them the whole reading.
/// </summary>
public sealed class BinGrain(
    TwinServices services)
    : TwinGrain<BinState>(StorageNames.BinTwinState, services), IBinGrain
{
    private static readonly SharedParameters<BinSpec, BinParameters> SharedParameters = new(ToParameters);

    /// <summary>Until provisioned (or while decommissioned): the defaults, shared like the rest.</summary>
    private BinParameters parameters = Unprovisioned;

    private static readonly BinParameters Unprovisioned = new();

    protected override AssetKind Kind => AssetKind.Bin;

    protected override ReadingSequenceState Sequence => KindState.Sequence;

    protected override ReadingCounters Counters => KindState.Counters;

    protected override TwinLiveness Liveness => KindState.Liveness;

    protected override IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec) => ToParameters((BinSpec)spec).Validate();

    protected override void OnSpecChanged(AssetSpec spec) => parameters = SharedParameters.For((BinSpec)spec);

    protected override void OnEnrolled(AssetProvision provision) => TellPlanner(provision, Now);

    protected override void OnWithdrawn(AssetProvision provision) => TellPlanner(provision, Now, active: false);

    protected override void OnTold(AssetProvision provision, DateTimeOffset now, IReadOnlyList<TwinSignal> signals) => TellPlanner(provision, now);

    /// <summary>The district's collection planner keeps what it selects and loads by, sent on each significant change (one-way).</summary>
    private void TellPlanner(AssetProvision provision, DateTimeOffset now, bool active = true)
    {
        var bin = KindState;
        References.Get<ICollectionPlannerGrain>(provision.DistrictId).BinChanged(new CollectionBinReport(
            AssetId, now, active, provision.Location, parameters.BinCapacityLitres, parameters.BinFullnessThreshold,
            bin.FillingLevel, bin.AboveThreshold, bin.CargoWeightKg, bin.PredictedFullAt,
            JsonNames.Of(bin.Sensor.Health), bin.Burning, bin.DateLastEmptying)).Ignore();
    }

    protected override IReadOnlyList<TwinSignal> OnDeviceReplaced(DateTimeOffset now) => BinRules.ReplaceDevice(KindState, now);

    /// <summary>Fill by quarter; status and sensor health too, so the district's asset index can narrow queries by them.</summary>
    protected override string[] BandNames => Names;

    private static readonly string[] Names = [PictureBands.Fill, PictureBands.Status, PictureBands.Health];

    protected override void WriteBands(Span<string> values)
    {
        values[0] = PictureBands.Quarter(KindState.FillingLevel);
        values[1] = JsonNames.Of(KindState.Status);
        values[2] = JsonNames.Of(KindState.Sensor.Health);
    }

    public Task<ReadingResult> Report(DeviceStamp stamp, BinTelemetry reading)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(reading);
        var domainStamp = new ReadingStamp(stamp.DeviceTime, stamp.BootEpoch, stamp.Sequence);
        var domainReading = new BinReading
        {
            DistanceCm = reading.DistanceCm,
            FillingLevel = reading.FillingLevel,
            CargoWeightKg = reading.CargoWeight,
            TemperatureCelsius = reading.Temperature,
            LidOpen = reading.LidOpen,
            TiltDegrees = reading.TiltDegrees,
            CollectionId = reading.CollectionId,
            Wet = reading.Wet,
            HumidityPercent = reading.HumidityPercent,
            Latitude = reading.Latitude,
            Longitude = reading.Longitude,
        };
        return AcceptRuledReading(now =>
        {
            var outcome = BinRules.Apply(KindState, parameters, domainStamp, domainReading, now, DistrictTimeZone);
            return (outcome.Disposition, outcome.Violations, outcome.Signals);
        });
    }

    public async Task<CommandResult> RecordCollection(string collectionId, DateTimeOffset at)
    {
        if (Provisioned is not { } provision)
            return Rejected("assetId", $"no bin '{AssetId}' is provisioned");
        var now = Now;
        var outcome = BinRules.ApplyCollection(KindState, parameters, collectionId, at, now, DistrictTimeZone);
        if (outcome.Disposition == ReadingDisposition.Rejected)
            return Rejected(outcome.Violations);
        if (outcome.Disposition == ReadingDisposition.Duplicate)
            return CommandResult.Ok;
        await WriteThroughAsync();
        Tell(provision, now, outcome.Signals);
        return CommandResult.Ok;
    }

    public Task<BinTwin?> GetTwin() => Task.FromResult(Twin());

    protected override object? KindTwin() => Twin();

    private BinTwin? Twin()
    {
        if (State.Record is null)
            return null;
        var bin = KindState;
        return new BinTwin(
            AssetId,
            bin.FillingLevel,
            bin.CargoWeightKg,
            bin.TemperatureCelsius,
            JsonNames.Of(bin.Status),
            parameters.BinCapacityLitres,
            parameters.BinFullnessThreshold,
            bin.DateLastEmptying,
            bin.FillRatePerHour,
            bin.PredictedFullAt,
            bin.PredictedFullConfidence,
            JsonNames.Of(bin.Sensor.Health),
            bin.Sensor.Reason is { } fault ? BinSignalCodes.Of(fault) : null,
            bin.LastReadingAt,
            bin.Collections,
            [.. bin.Levels.Samples().Select(s => new LevelSample(s.Time, s.Value))]);
    }

    private static BinParameters ToParameters(BinSpec spec) => new()
    {
        BinCapacityLitres = spec.BinCapacityLitres,
        BinFullnessThreshold = spec.BinFullnessThreshold,
        DepthCm = spec.DepthCm,
        MaxLoadKg = spec.MaxLoadKg,
    };
}
