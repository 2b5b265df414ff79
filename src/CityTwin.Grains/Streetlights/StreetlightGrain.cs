using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Common;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Twins;
using Orleans.Runtime;

namespace CityTwin.Grains.Streetlights;

public sealed class StreetlightGrain(
    TwinServices services)
    : TwinGrain<StreetlightState>(StorageNames.StreetlightTwinState, services), IStreetlightGrain
{
    private static readonly SharedParameters<StreetlightSpec, StreetlightParameters> SharedParameters = new(ToParameters);

    /// <summary>Until provisioned (or while decommissioned): the defaults, shared like the rest.</summary>
    private StreetlightParameters parameters = Unprovisioned;

    private static readonly StreetlightParameters Unprovisioned = new();

    protected override AssetKind Kind => AssetKind.Streetlight;

    protected override IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec) =>
        StreetlightValidation.Validate(ToParameters((StreetlightSpec)spec));

    protected override void OnSpecChanged(AssetSpec spec) => parameters = SharedParameters.For((StreetlightSpec)spec);

    public Task<ReadingResult> Report(DeviceStamp stamp, StreetlightTelemetry reading)
    {
        var domainReading = new StreetlightReading(
            reading.PowerState is { } power ? ToDomain(power) : null,
            reading.IlluminanceLevel,
            reading.PowerConsumption,
            reading.AmbientLux,
            reading.PresenceDetected);
        return AcceptReading(
            stamp,
            () => StreetlightValidation.Validate(domainReading, parameters),
            now => StreetlightRules.Apply(KindState, parameters, domainReading, now).Signals
                .Select(s => SignalMapping.Condition(s.Code, s.Raised))
                .ToList());
    }

    public async Task<CommandResult> RequestLevel(double level)
    {
        if (Provisioned is null)
            return Rejected("assetId", $"no streetlight '{AssetId}' is provisioned");
        var violations = StreetlightRules.RequestLevel(KindState, level, Now);
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteThroughAsync();
        await SendLevelAsync(Provisioned!);
        return CommandResult.Ok;
    }

    protected override Task ResendPendingCommandsAsync(AssetProvision provision) =>
        KindState is { DesiredLevel: not null, DesiredLevelConfirmed: false } ? SendLevelAsync(provision) : Task.CompletedTask;

    private Task SendLevelAsync(AssetProvision provision) =>
        SendCommandAsync(provision, "setLevel", new LevelCommand(KindState.DesiredLevel!.Value, KindState.DesiredLevelIssuedAt!.Value));

    /// <summary>The body of a setLevel command, as the device reads it.</summary>
    private sealed record LevelCommand(double IlluminanceLevel, DateTimeOffset IssuedAt);

    /// <summary>
    /// Output and presence as bands; power drawn rides along. The level is the reported one (else the desired,
    /// else off), in tenths, so a dimming step reaches the district and flicker within a step does not.
    /// </summary>
    protected override string[] BandNames => Names;

    private static readonly string[] Names = [PictureBands.Power, PictureBands.Level, PictureBands.Presence, PictureBands.Status];
    private static readonly string[] MeasureNames = [PictureMeasures.Watts, PictureMeasures.RatedWatts];

    protected override void WriteBands(Span<string> values)
    {
        var light = KindState;
        values[0] = light.PowerState switch
        {
            PowerState.On => "on",
            PowerState.Low => "dimmed",
            _ => "off",
        };
        values[1] = PictureBands.Tenths(Level);
        values[2] = light.PresenceDetected == true ? "yes" : "no";
        values[3] = JsonNames.Of(light.Status);
    }

    protected override IReadOnlyDictionary<string, double> Measures() => new PictureMap<double>(MeasureNames,
        [KindState.PowerConsumption ?? LampPowerModel.ExpectedWatts(parameters, Level), parameters.RatedPowerWatts]);

    protected override string? PictureSegment => Provisioned?.RoadSegmentId;

    private double Level => KindState.IlluminanceLevel ?? KindState.DesiredLevel ?? 0;

    public Task<StreetlightTwin?> GetTwin() => Task.FromResult(Twin());

    protected override object? KindTwin() => Twin();

    private StreetlightTwin? Twin()
    {
        if (State.Record is null)
            return null;
        var light = KindState;
        return new StreetlightTwin(
            AssetId,
            light.PowerState is { } power ? ToContract(power) : null,
            light.IlluminanceLevel,
            light.PowerConsumption,
            light.AmbientLux,
            light.PresenceDetected,
            JsonNames.Of(light.Status),
            light.DesiredLevel,
            light.DesiredLevelIssuedAt,
            light.DesiredLevelConfirmed,
            light.EnergyUsedKwh,
            light.FullPowerEnergyKwh,
            light.LastReadingAt,
            History(light.History));
    }

    private static List<LightSample> History(LightHistory history) =>
        [.. Enumerable.Range(0, history.Count).Select(i => new LightSample(history.TimeOf(i), history.LevelAt(i), history.WattsAt(i)))];

    private static StreetlightParameters ToParameters(StreetlightSpec spec) => new()
    {
        RatedPowerWatts = spec.RatedPowerWatts,
        StandbyPowerWatts = spec.StandbyPowerWatts,
    };

    private static PowerState ToDomain(LightPowerState state) => state switch
    {
        LightPowerState.On => PowerState.On,
        LightPowerState.Off => PowerState.Off,
        LightPowerState.Low => PowerState.Low,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static LightPowerState? ToContract(PowerState state) => state switch
    {
        PowerState.On => LightPowerState.On,
        PowerState.Off => LightPowerState.Off,
        PowerState.Low => LightPowerState.Low,
        _ => null,
    };
}
