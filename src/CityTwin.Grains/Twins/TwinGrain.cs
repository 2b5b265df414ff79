using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Telemetry;
using CityTwin.Domain.Common;
using CityTwin.Grains.Assets;
using CityTwin.Grains.Devices;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CityTwin.Grains.Twins;

/// <summary>
/// What every asset twin does whatever its kind: its lifecycle (written through), the order of its
/// device's readings (duplicates, late, from the future), liveness and staleness, write-behind of
/// readings, and telling its district only what changes the district's picture. A kind supplies its
/// spec checks and its rules; this class never knows what a bin or a streetlight is.
/// </summary>
/// <remarks>
/// The twin is its own storage record (<see cref="IGrainState{T}"/>, read and written straight through
/// the storage provider) rather than holding an <see cref="IPersistentState{TState}"/>: that facet and
/// its lifecycle hooks cost some 150 bytes per activation, which at a million twins is 150 MB.
/// </remarks>
public abstract class TwinGrain<TKindState> : Grain, IAssetTwinGrain, IWriteBehindTwin, IGrainState<TwinState<TKindState>>
    where TKindState : class, new()
{
    private readonly string stateName;
    private readonly TwinServices services;
    private TwinState<TKindState> state = new();
    private string? etag;
    private bool recordExists;
    private bool unsaved;
    /// <summary>Registered with the silo's write-behind scheduler and not yet asked to write.</summary>
    private bool awaitingWrite;
    /// <summary>The picture the district last heard from this activation; a band change is sent again.</summary>
    private AssetPicture? toldPicture;

    /// <param name="stateName">The kind's own storage state name (see <see cref="Persistence.StorageNames"/>).</param>
    protected TwinGrain(string stateName, TwinServices services)
    {
        this.stateName = stateName;
        this.services = services;
    }

    protected abstract AssetKind Kind { get; }

    protected TwinState<TKindState> State => state;

    protected TKindState KindState => state.Kind;

    protected AssetProvision? Provisioned => State.Record is { Lifecycle: AssetLifecycle.Active } record ? record.Provision : null;

    protected DateTimeOffset Now => services.Clock.Now;

    /// <summary>For what a kind tells on its significant changes (the collection planner): references without per-call reflection.</summary>
    protected GrainReferences References => services.References;

    /// <summary>
    /// The grain key. Read from the record while there is one (they are equal, checked at provisioning):
    /// that string is what the district keeps too, where a fresh copy per call would stay as another.
    /// </summary>
    protected string AssetId => State.Record?.Provision.AssetId ?? this.GetPrimaryKeyString();

    /// <summary>The district's time zone, for rules that work in local time; known while provisioned.</summary>
    protected TimeZoneInfo DistrictTimeZone { get; private set; } = TimeZoneInfo.Utc;

    private StalenessPolicy StalenessPolicy => services.Options.Staleness[Kind];

    /// <summary>
    /// The device's reading order, counters and liveness. A kind whose rules keep their own (bins do,
    /// because a late reading's collection still counts) returns those, and reads through
    /// <see cref="AcceptRuledReading"/>.
    /// </summary>
    protected virtual ReadingSequenceState Sequence => State.Sequence ??= new();

    protected virtual ReadingCounters Counters => State.Counters ??= new();

    protected virtual TwinLiveness Liveness => State.Liveness ??= new();

    /// <summary>The kind's checks of its spec. The spec's kind is already known to match.</summary>
    protected abstract IReadOnlyList<RuleViolation> ValidateSpec(AssetSpec spec);

    /// <summary>The spec was provisioned or changed: (re)build whatever the kind derives from it.</summary>
    protected virtual void OnSpecChanged(AssetSpec spec)
    {
    }

    /// <summary>
    /// Another device now reports for the asset: the reading order starts afresh (done here); a kind
    /// resets whatever else belonged to the old device and returns what the district should hear.
    /// </summary>
    protected virtual IReadOnlyList<TwinSignal> OnDeviceReplaced(DateTimeOffset now) => [];

    /// <summary>
    /// The names of what the district keeps of this twin, its bands (see <see cref="AssetPicture"/>): one array
    /// per kind, in the order <see cref="WriteBands"/> gives the values.
    /// </summary>
    protected abstract string[] BandNames { get; }

    /// <summary>Writes the twin's bands now into <paramref name="values"/>, as long as <see cref="BandNames"/>.</summary>
    protected abstract void WriteBands(Span<string> values);

    /// <summary>Measures the district sums; they ride along when a band moves and are never a reason to tell.</summary>
    protected virtual IReadOnlyDictionary<string, double> Measures() => AssetPicture.NoMeasures;

    /// <summary>The road segment the picture names (lights: neighbours and adjacent intersections).</summary>
    protected virtual string? PictureSegment => null;

    /// <summary>Bands written to be compared with the told ones: most readings move none, and then nothing is allocated.</summary>
    [ThreadStatic]
    private static string[]? bandScratch;

    private AssetPicture Picture()
    {
        var values = new string[BandNames.Length];
        WriteBands(values);
        return PictureOf(values);
    }

    private AssetPicture PictureOf(string[] bands) => new(new PictureMap<string>(BandNames, bands), Measures(), PictureSegment);

    /// <summary>
    /// The picture now when a band (or the segment) differs from the one the district was last told, else null.
    /// The bands are written once, into the scratch array, and copied only when one moved.
    /// </summary>
    private AssetPicture? MovedPicture()
    {
        var names = BandNames;
        var now = (bandScratch ??= new string[8]).AsSpan(0, names.Length);
        WriteBands(now);
        if (toldPicture is { Bands: PictureMap<string> told } && toldPicture.RoadSegmentId == PictureSegment && Holds(told, names, now))
            return null;
        return PictureOf(now.ToArray());
    }

    /// <summary>Whether <paramref name="told"/> has exactly these names (the kind's own array) with these values.</summary>
    private static bool Holds(PictureMap<string> told, string[] names, ReadOnlySpan<string> values)
    {
        if (told.Count != names.Length)
            return false;
        for (var i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(told.NameAt(i), names[i]) || !string.Equals(told.ValueAt(i), values[i], StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await services.Storage.ReadStateAsync(stateName, this.GetGrainId(), this);
        if (State.Record is { } stored)
            State.Record = SharedSpecs.Share(stored);
        if (Provisioned is { } provision)
        {
            OnSpecChanged(provision.Spec);
            DistrictTimeZone = await FindTimeZoneAsync(provision.DistrictId) ?? TimeZoneInfo.Utc;
            // Enrolling again heals a district roster that lost its last changes in a crash.
            Enroll(provision);
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopAwaitingWrite();
        if (unsaved)
            await WriteAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CommandResult> Provision(AssetProvision provision)
    {
        ArgumentNullException.ThrowIfNull(provision);
        var current = State.Record;
        if (current is { Lifecycle: AssetLifecycle.Decommissioned })
            return Rejected("assetId", $"'{AssetId}' is decommissioned; delete it before provisioning it again");
        if (current is { Lifecycle: AssetLifecycle.Active } && current.Provision == provision)
            return CommandResult.Ok;

        var errors = ValidateIdentity(provision);
        if (errors.Count == 0)
            errors.AddRange(ValidateSpec(provision.Spec));
        var zone = await FindTimeZoneAsync(provision.DistrictId);
        if (zone is null)
            errors.Add(new("districtId", $"no district '{provision.DistrictId}' in the city directory"));
        if (errors.Count > 0)
            return Rejected(errors);

        var holder = await GrainFactory.GetGrain<IAssetRegistrationGrain>(AssetId).Claim(Kind);
        if (holder != Kind)
            return Rejected("kind", $"asset '{AssetId}' is provisioned as a {holder.Segment()}, not a {Kind.Segment()}");

        var previousDistrict = current?.Provision.DistrictId;
        State.Record = SharedSpecs.Share(new AssetRecord(provision, AssetLifecycle.Active, current?.ProvisionedAt ?? Now, null));
        if (current is null || current.Provision.Spec != provision.Spec)
            OnSpecChanged(provision.Spec);
        IReadOnlyList<TwinSignal> deviceSignals = [];
        if (current is not null && current.Provision.DeviceId != provision.DeviceId)
        {
            ReadingOrder.Reset(Sequence);
            deviceSignals = OnDeviceReplaced(Now);
        }
        DistrictTimeZone = zone!;
        // Bound before the record is written: a device may publish only once its asset exists, and a
        // binding left by a failed write admits readings the twin still refuses.
        await BindDeviceAsync(provision);
        await WriteThroughAsync();
        if (current is not null && current.Provision.DeviceId != provision.DeviceId)
            await Device(current.Provision.DeviceId).Unbind(AssetId);
        if (deviceSignals.Count > 0)
            Tell(provision, Now, deviceSignals);

        if (previousDistrict is not null && previousDistrict != provision.DistrictId)
            Withdraw(current!.Provision);
        Enroll(provision);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ReplaceDevice(string deviceId)
    {
        if (Provisioned is not { } provision)
            return NotActive();
        if (Identifiers.Check("deviceId", deviceId) is { } bad)
            return Rejected([bad]);
        if (provision.DeviceId == deviceId)
            return CommandResult.Ok;

        var replaced = provision with { DeviceId = deviceId };
        State.Record = State.Record! with { Provision = replaced };
        // The new device counts its boots and sequences from scratch; the twin and history stay.
        ReadingOrder.Reset(Sequence);
        var signals = OnDeviceReplaced(Now);
        await BindDeviceAsync(replaced);
        await WriteThroughAsync();
        await Device(provision.DeviceId).Unbind(AssetId);
        if (signals.Count > 0)
            Tell(provision, Now, signals);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> MoveToDistrict(string districtId)
    {
        if (Provisioned is not { } provision)
            return NotActive();
        if (provision.DistrictId == districtId)
            return CommandResult.Ok;
        if (await FindTimeZoneAsync(districtId) is not { } zone)
            return Rejected("districtId", $"no district '{districtId}' in the city directory");

        var moved = provision with { DistrictId = districtId };
        State.Record = SharedSpecs.Share(State.Record! with { Provision = moved });
        DistrictTimeZone = zone;
        await BindDeviceAsync(moved);
        await WriteThroughAsync();
        Withdraw(provision);
        Enroll(moved);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> Decommission()
    {
        if (Provisioned is not { } provision)
            return NotActive();
        State.Record = State.Record! with { Lifecycle = AssetLifecycle.Decommissioned, DecommissionedAt = Now };
        await WriteThroughAsync();
        // The device's credential goes with its last asset.
        await Device(provision.DeviceId).Unbind(AssetId);
        Withdraw(provision);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> Delete()
    {
        if (State.Record is not { Lifecycle: AssetLifecycle.Decommissioned })
            return Rejected("assetId", State.Record is null
                ? $"no asset '{AssetId}' of kind {Kind.Segment()}"
                : $"'{AssetId}' must be decommissioned before it is deleted");
        StopAwaitingWrite();
        await services.Storage.ClearStateAsync(stateName, this.GetGrainId(), this);
        state = new();
        unsaved = false;
        await GrainFactory.GetGrain<IAssetRegistrationGrain>(AssetId).Release(Kind);
        DeactivateOnIdle();
        return CommandResult.Ok;
    }

    public Task<AssetRecord?> GetRecord() => Task.FromResult(State.Record);

    public Task ReportPresence(bool online)
    {
        if (Provisioned is not { } provision)
            return Task.CompletedTask;
        if (Liveness.Online != online)
        {
            Liveness.Online = online;
            MarkChanged();
        }
        return online ? ResendPendingCommandsAsync(provision) : Task.CompletedTask;
    }

    /// <summary>
    /// The device came back online: send again whatever it was told and has not yet confirmed. A kind
    /// with desired state overrides this.
    /// </summary>
    protected virtual Task ResendPendingCommandsAsync(AssetProvision provision) => Task.CompletedTask;

    /// <summary>Publishes a command to the asset's device (at least once; the device confirms by reporting).</summary>
    protected Task SendCommandAsync(AssetProvision provision, string name, object body) =>
        services.Downlink.SendAsync(new DownlinkCommand(Kind, provision.DistrictId, AssetId, provision.DeviceId, name, body));

    public Task<TwinStatus> GetStatus() => Task.FromResult(Status());

    public Task<TwinView> GetView() => Task.FromResult(new TwinView(Status(), State.Record, KindTwin()));

    /// <summary>The kind's own state as its <c>GetTwin</c> answers it (null before the asset is provisioned).</summary>
    protected abstract object? KindTwin();

    private TwinStatus Status()
    {
        var counters = Counters;
        return new TwinStatus(
            AssetId,
            Kind,
            State.Record?.Lifecycle ?? AssetLifecycle.Unprovisioned,
            State.Record?.Provision.DistrictId,
            Liveness.LastHeardAt,
            Liveness.Stale,
            Liveness.StaleSince,
            new ReadingCounts(counters.Applied, counters.Duplicates, counters.Late, counters.Invalid + counters.FromFuture),
            unsaved,
            Liveness.Online);
    }

    public Task<DateTimeOffset?> CheckStaleness()
    {
        if (Provisioned is not { } provision)
            return Task.FromResult<DateTimeOffset?>(null);
        var now = Now;
        if (Staleness.CheckOverdue(Liveness, now, StalenessPolicy, services.Clock.StartedAt) is { } becameStale)
        {
            MarkChanged();
            Tell(provision, now, [becameStale]);
        }
        return Task.FromResult(Liveness.Stale ? null : (DateTimeOffset?)NextDeadline());
    }

    /// <summary>
    /// The path of every reading. Order first (a redelivery is ignored before anything else is looked
    /// at), then validity, then the kind's rules for the newest reading or its handling of a late one.
    /// Nothing is written here: the change is written behind.
    /// </summary>
    /// <param name="validate">The kind's checks of the reading's values.</param>
    /// <param name="applyNewest">The kind's rules for a reading newer than any applied; returns the signals for the district.</param>
    /// <param name="keepLate">What the kind keeps of a late reading (history, a collection), if anything; returns the signals it raises.</param>
    protected async Task<ReadingResult> AcceptReading(
        DeviceStamp stamp,
        Func<IReadOnlyList<RuleViolation>> validate,
        Func<DateTimeOffset, IReadOnlyList<TwinSignal>> applyNewest,
        Func<DateTimeOffset, IReadOnlyList<TwinSignal>>? keepLate = null)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (Provisioned is not { } provision)
            return await RefuseReadingAsync();

        var now = Now;
        var domainStamp = new ReadingStamp(stamp.DeviceTime, stamp.BootEpoch, stamp.Sequence);
        var classification = ReadingOrder.Classify(Sequence, domainStamp, now, services.Options.MaxClockSkew);
        switch (classification.Verdict)
        {
            case ReadingVerdict.Duplicate:
                Counters.Count(ReadingVerdict.Duplicate);
                return ReadingResult.Duplicate;
            case ReadingVerdict.FromFuture:
                Counters.Count(ReadingVerdict.FromFuture);
                await ReadingChangedAsync();
                return ReadingResult.Rejected("deviceTime", classification.Reason ?? "is in the future");
        }

        var violations = validate();
        if (violations.Count > 0)
        {
            Counters.CountInvalid();
            await ReadingChangedAsync();
            return ReadingResult.Rejected([.. violations.Select(v => new FieldError(v.Field, v.Message))]);
        }

        var signals = new List<TwinSignal>();
        if (classification.Verdict != ReadingVerdict.Late)
            signals.AddRange(applyNewest(now));
        else if (keepLate is not null)
            signals.AddRange(keepLate(now));

        ReadingOrder.Record(Sequence, domainStamp, classification.Verdict);
        Counters.Count(classification.Verdict);
        var backOnline = Staleness.Heard(Liveness, now);
        if (backOnline is not null)
            signals.Add(backOnline);
        await ReadingChangedAsync();
        Tell(provision, now, signals, backOnline is null ? null : NextDeadline());
        return classification.Verdict == ReadingVerdict.Late ? ReadingResult.Late : ReadingResult.Applied;
    }

    /// <summary>
    /// The path of a reading for a kind whose rules do the whole of it (order, validity, liveness):
    /// the twin checks the lifecycle, runs the rules, writes behind and tells the district.
    /// </summary>
    protected async Task<ReadingResult> AcceptRuledReading(
        Func<DateTimeOffset, (ReadingDisposition Disposition, IReadOnlyList<RuleViolation> Violations, IReadOnlyList<TwinSignal> Signals)> applyRules)
    {
        if (Provisioned is not { } provision)
            return await RefuseReadingAsync();
        var now = Now;
        var (disposition, violations, signals) = applyRules(now);
        if (disposition == ReadingDisposition.Duplicate)
            return ReadingResult.Duplicate;
        await ReadingChangedAsync();
        var backOnline = signals.Any(s => s.Kind == TwinSignalKind.BackOnline);
        Tell(provision, now, signals, backOnline ? NextDeadline() : null);
        return disposition switch
        {
            ReadingDisposition.Applied => ReadingResult.Applied,
            ReadingDisposition.Late => ReadingResult.Late,
            _ => ReadingResult.Rejected([.. violations.Select(v => new FieldError(v.Field, v.Message))]),
        };
    }

    /// <summary>A command changed the twin (desired state): written through before it is acknowledged.</summary>
    protected async Task WriteThroughAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch
        {
            // What is in memory may now differ from storage: start again from storage next call.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// A reading changed the twin: written behind, or, with a zero <see cref="TwinOptions.WriteBehindInterval"/>,
    /// written through before the reading is acknowledged (so an acknowledged reading survives a crash).
    /// </summary>
    private Task ReadingChangedAsync()
    {
        if (services.Options.WriteBehindInterval > TimeSpan.Zero)
        {
            MarkChanged();
            return Task.CompletedTask;
        }
        return WriteThroughAsync();
    }

    /// <summary>Something changed that may be written behind: one write per interval at most.</summary>
    protected void MarkChanged()
    {
        unsaved = true;
        if (awaitingWrite)
            return;
        awaitingWrite = true;
        services.WriteBehind.Register(this.GetGrainId());
    }

    /// <summary>
    /// Tells the district (one-way) what changed its picture: the signals, and the twin's picture when a band
    /// moved. Nothing is sent when neither happened, so a reading inside its bands costs the district nothing.
    /// </summary>
    protected void Tell(AssetProvision provision, DateTimeOffset now, IReadOnlyList<TwinSignal> signals, DateTimeOffset? nextDeadline = null)
    {
        var picture = MovedPicture();
        if (signals.Count == 0 && picture is null)
            return;
        if (picture is not null)
            toldPicture = picture;
        DistrictSignal[] told = [.. signals.Select(SignalMapping.ToDistrict)];
        RememberConditions(told);
        services.Districts.Send(provision.DistrictId, new AssetNotified(
            new AssetNotification(AssetId, Kind, now, told, nextDeadline, picture)));
        OnTold(provision, now, signals);
    }

    /// <summary>Keeps the raised conditions the district was told of (written behind with the twin).</summary>
    private void RememberConditions(IReadOnlyList<DistrictSignal> signals)
    {
        var before = State.Conditions ?? [];
        var after = before;
        foreach (var signal in signals)
        {
            if (signal.Raises && !after.Contains(signal.Code, StringComparer.Ordinal))
                after = [.. after, signal.Code];
            else if (signal.Clears && after.Contains(signal.Code, StringComparer.Ordinal))
                after = [.. after.Where(c => c != signal.Code)];
        }
        if (ReferenceEquals(after, before))
            return;
        State.Conditions = after.Length == 0 ? null : after;
        MarkChanged();
    }

    /// <summary>The district lost its picture (it was reactivated while this twin stayed active): enrol again.</summary>
    public Task Reenroll()
    {
        if (Provisioned is { } provision)
            Enroll(provision);
        return Task.CompletedTask;
    }

    /// <summary>The asset belongs to the provision's district (provisioned, moved there, or activated); a kind tells whoever else plans on it.</summary>
    protected virtual void OnEnrolled(AssetProvision provision)
    {
    }

    /// <summary>The asset left the provision's district (moved or decommissioned).</summary>
    protected virtual void OnWithdrawn(AssetProvision provision)
    {
    }

    private void Enroll(AssetProvision provision)
    {
        toldPicture = Picture();
        services.Districts.Send(provision.DistrictId, new AssetEnrolled(AssetId, Kind, NextDeadline(), toldPicture, State.Conditions ?? [], provision.Location, Liveness.Stale, Now));
        OnEnrolled(provision);
    }

    private void Withdraw(AssetProvision provision)
    {
        services.Districts.Send(provision.DistrictId, new AssetWithdrawn(AssetId));
        OnWithdrawn(provision);
    }

    /// <summary>The district was told a significant change (signals or a band moved); a kind tells whoever else plans on it (bins and trucks: the collection planner).</summary>
    protected virtual void OnTold(AssetProvision provision, DateTimeOffset now, IReadOnlyList<TwinSignal> signals)
    {
    }

    protected static CommandResult Rejected(IEnumerable<RuleViolation> violations) =>
        CommandResult.Rejected([.. violations.Select(v => new FieldError(v.Field, v.Message))]);

    protected static CommandResult Rejected(string field, string message) => CommandResult.Rejected(field, message);

    /// <summary>The silo's write-behind round has come to this twin.</summary>
    public async Task WriteUnsaved()
    {
        awaitingWrite = false;
        if (!unsaved)
            return;
        try
        {
            await WriteAsync();
        }
        catch (Exception e)
        {
            services.Logger.LogWarning(e, "Write-behind of {Kind} twin {AssetId} failed; retrying in {Interval}", Kind, AssetId, services.Options.WriteBehindInterval);
            MarkChanged();
        }
    }

    private void StopAwaitingWrite()
    {
        if (!awaitingWrite)
            return;
        awaitingWrite = false;
        services.WriteBehind.Forget(this.GetGrainId());
    }

    private async Task WriteAsync()
    {
        unsaved = false;
        try
        {
            await services.Storage.WriteStateAsync(stateName, this.GetGrainId(), this);
        }
        catch
        {
            unsaved = true;
            throw;
        }
    }

    TwinState<TKindState>? IGrainState<TwinState<TKindState>>.State
    {
        get => state;
        // A provider that finds no row may hand back none: a twin always has a state to fill.
        set => state = value ?? new();
    }

    string? IGrainState<TwinState<TKindState>>.ETag { get => etag; set => etag = value; }

    bool IGrainState<TwinState<TKindState>>.RecordExists { get => recordExists; set => recordExists = value; }

    private DateTimeOffset NextDeadline() =>
        Staleness.DeadlineFor(Liveness.LastHeardAt, StalenessPolicy, services.Clock.StartedAt);

    private async Task<ReadingResult> RefuseReadingAsync()
    {
        if (State.Record is { Lifecycle: AssetLifecycle.Decommissioned })
            return ReadingResult.Rejected("assetId", $"'{AssetId}' is decommissioned and accepts no readings");
        var holder = await GrainFactory.GetGrain<IAssetRegistrationGrain>(AssetId).GetKind();
        DeactivateOnIdle();
        return holder is { } other && other != Kind
            ? ReadingResult.Rejected("kind", $"asset '{AssetId}' is a {other.Segment()}, not a {Kind.Segment()}")
            : ReadingResult.Rejected("assetId", $"no {Kind.Segment()} '{AssetId}' is provisioned");
    }

    private List<RuleViolation> ValidateIdentity(AssetProvision provision)
    {
        var errors = new List<RuleViolation>();
        if (provision.AssetId != AssetId)
            errors.Add(new("assetId", $"'{provision.AssetId}' does not match the twin '{AssetId}'"));
        else if (Identifiers.Check("assetId", provision.AssetId) is { } badAsset)
            errors.Add(badAsset);
        if (provision.Kind != Kind)
            errors.Add(new("kind", $"'{provision.Kind.Segment()}' was sent to a {Kind.Segment()} twin"));
        if (provision.Spec is null || provision.Spec.Kind != Kind)
            errors.Add(new("spec", $"must be the parameters of a {Kind.Segment()}"));
        if (Identifiers.Check("deviceId", provision.DeviceId) is { } badDevice)
            errors.Add(badDevice);
        if (Identifiers.Check("districtId", provision.DistrictId) is { } badDistrict)
            errors.Add(badDistrict);
        if (provision.Location is not { } location)
            errors.Add(new("location", "is required"));
        else
        {
            if (!double.IsFinite(location.Latitude) || location.Latitude is < -90 or > 90)
                errors.Add(new("location.latitude", $"{location.Latitude} is outside -90..90"));
            if (!double.IsFinite(location.Longitude) || location.Longitude is < -180 or > 180)
                errors.Add(new("location.longitude", $"{location.Longitude} is outside -180..180"));
        }
        return errors;
    }

    private async Task<TimeZoneInfo?> FindTimeZoneAsync(string districtId)
    {
        if (Identifiers.Check("districtId", districtId) is not null)
            return null;
        var district = await GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(districtId);
        return district is null ? null : TimeZoneInfo.FindSystemTimeZoneById(district.TimeZone);
    }

    private CommandResult NotActive() =>
        Rejected("assetId", State.Record is null
            ? $"no {Kind.Segment()} '{AssetId}' is provisioned"
            : $"'{AssetId}' is decommissioned");


    private IDeviceGrain Device(string deviceId) => GrainFactory.GetGrain<IDeviceGrain>(deviceId);

    private Task BindDeviceAsync(AssetProvision provision) =>
        Device(provision.DeviceId).Bind(new DeviceBinding(AssetId, Kind, provision.DistrictId));
}
