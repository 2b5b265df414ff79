using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Queries;
using CityTwin.Domain.Common;
using CityTwin.Grains.Districts.Alerts;
using CityTwin.Grains.Districts.Lighting;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Time;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CityTwin.Grains.Districts;

/// <summary>
/// Keeps a district's live picture from its twins' notifications, and the staleness deadlines of all
/// its assets in one index: a grain timer takes the overdue ones and asks those twins, so no twin needs
/// a timer of its own. Alerts (DistrictGrain.Alerts.cs) and dimming (DistrictGrain.Lighting.cs) act on
/// the same notifications; each keeps its rules in the domain and its state in <see cref="DistrictCoordinationState"/>.
/// </summary>
public sealed partial class DistrictGrain : Grain, IDistrictGrain
{
    /// <summary>Twins asked per sweep at most, so one sweep never holds the district for long.</summary>
    private const int MaxChecksPerSweep = 1000;

    private readonly IPersistentState<DistrictState> roster;
    private readonly IPersistentState<DistrictCoordinationState> coordination;
    private readonly CityClock clock;
    private readonly TwinOptions options;
    private readonly ILogger<DistrictGrain> logger;

    private readonly DeadlineIndex deadlines = new();
    /// <summary>
    /// The raised conditions of each asset that has any: a small array, since an asset rarely has more
    /// than one or two (a HashSet per asset cost some 600 bytes each at 100,000 twins).
    /// </summary>
    private readonly Dictionary<string, string[]> conditionsByAsset = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> activeConditions = new(StringComparer.Ordinal);
    private readonly DistrictPicture picture = new();
    private readonly DistrictAssetIndex assetIndex = new();
    private long notificationsReceived;
    private long signalNotifications;
    private bool rosterUnsaved;
    private IGrainTimer? rosterTimer;
    private bool coordinationUnsaved;
    private IGrainTimer? coordinationTimer;

    public DistrictGrain(
        [PersistentState(StorageNames.DistrictState, StorageNames.Provider)] IPersistentState<DistrictState> roster,
        [PersistentState(StorageNames.DistrictCoordinationState, StorageNames.Provider)] IPersistentState<DistrictCoordinationState> coordination,
        CityClock clock,
        IOptions<TwinOptions> options,
        IOptions<AlertOptions> alertOptions,
        IOptions<LightingOptions> lightingOptions,
        AlertWebhooks webhooks,
        ILogger<DistrictGrain> logger)
    {
        this.roster = roster;
        this.coordination = coordination;
        this.clock = clock;
        this.options = options.Value;
        this.alertOptions = alertOptions.Value;
        this.lightingOptions = lightingOptions.Value;
        this.webhooks = webhooks;
        this.logger = logger;
    }

    private string DistrictId => this.GetPrimaryKeyString();

    private DistrictCoordinationState Coordination => coordination.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart every twin gets its kind's grace period before it can be called stale.
        var now = clock.Now;
        foreach (var (assetId, kind) in roster.State.Assets)
        {
            var graceEnds = clock.StartedAt + options.Staleness[kind].StartupGrace;
            deadlines.Set(assetId, graceEnds > now ? graceEnds : now);
            assetIndex.Know(assetId, kind);
        }
        this.RegisterGrainTimer(
            _ => SweepStaleness(),
            new GrainTimerCreationOptions(options.StalenessSweepInterval, options.StalenessSweepInterval) { KeepAlive = true });
        StartAlerts();
        AskRosterToReenrol();
        // Reading the directory and the roads waits for the first turn after activation, so that waking every
        // district at silo start stays quick.
        this.RegisterGrainTimer(_ => StartLightingAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        KeepWaking();
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (rosterUnsaved)
            await SaveRosterAsync();
        if (coordinationUnsaved)
            await SaveCoordinationAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task Enroll(string assetId, AssetKind kind, DateTimeOffset deadline, AssetPicture? assetPicture, IReadOnlyList<string>? conditions = null, GeoPoint? location = null, bool? stale = null, DateTimeOffset? at = null)
    {
        Remember(assetId, kind);
        assetIndex.Enrolled(assetId, kind, location, assetPicture, stale, at);
        deadlines.Set(assetId, deadline);
        if (conditions is not null)
            ConditionsAre(assetId, kind, conditions);
        if (assetPicture is not null)
            PictureMoved(assetId, kind, assetPicture, clock.Now);
        return Task.CompletedTask;
    }

    public Task Withdraw(string assetId)
    {
        var kind = roster.State.Assets.GetValueOrDefault(assetId);
        if (roster.State.Assets.Remove(assetId))
            RosterChanged();
        deadlines.Remove(assetId);
        assetIndex.Remove(assetId);
        if (conditionsByAsset.Remove(assetId, out var conditions))
        {
            foreach (var condition in conditions)
                Decrement(condition);
        }
        if (picture.Remove(assetId) is { } removed && kind == AssetKind.Streetlight)
            LightLeft(assetId, removed);
        return Task.CompletedTask;
    }

    public Task Notify(AssetNotification notification)
    {
        notificationsReceived++;
        if (notification.Signals.Count > 0)
            signalNotifications++;
        Remember(notification.AssetId, notification.Kind);
        assetIndex.Heard(notification);
        foreach (var signal in notification.Signals)
        {
            var condition = $"{notification.Kind.Segment()}:{signal.Code}";
            if (signal.Raises)
                Raise(notification.AssetId, condition);
            else if (signal.Clears)
                Clear(notification.AssetId, condition);
        }
        if (notification.NextDeadline is { } deadline)
            deadlines.Set(notification.AssetId, deadline);
        if (notification.Picture is { } moved)
            PictureMoved(notification.AssetId, notification.Kind, moved, notification.At);
        AlertsHear(notification);
        LightingHears(notification);
        FeedHears(notification);
        return Task.CompletedTask;
    }

    public async Task Deliver(IReadOnlyList<DistrictMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            switch (message)
            {
                case AssetEnrolled enrolled:
                    await Enroll(enrolled.AssetId, enrolled.Kind, enrolled.Deadline, enrolled.Picture, enrolled.Conditions, enrolled.Location, enrolled.Stale, enrolled.At);
                    break;
                case AssetWithdrawn:
                    await Withdraw(message.AssetId);
                    break;
                case AssetNotified notified:
                    await Notify(notified.Notification);
                    break;
            }
        }
    }

    public Task<DistrictCounts> GetCounts()
    {
        // Counted in one pass: grouping the roster built a list per kind, some 150 KB per call at 10,000 assets
        // (most of an HTTP district summary's CPU in the benchmark's profile).
        var assets = new Dictionary<AssetKind, int>();
        foreach (var kind in roster.State.Assets.Values)
            assets[kind] = assets.GetValueOrDefault(kind) + 1;
        return Task.FromResult(new DistrictCounts(
            DistrictId,
            assets,
            new Dictionary<string, int>(activeConditions),
            notificationsReceived,
            deadlines.Count,
            signalNotifications));
    }

    public Task<DistrictPictureView> GetPicture() =>
        Task.FromResult(DistrictPictureViews.Of(DistrictId, picture, activeConditions));

    /// <summary>Not interleaved, so that it answers after every notification that arrived before it.</summary>
    public Task<IndexCandidates> FindCandidates(AssetQuery query, string? afterAssetId, int limit) =>
        Task.FromResult(assetIndex.Find(query, afterAssetId, limit));

    public Task<IReadOnlyList<CellAggregate>> GetCellAggregates(double cellMetres, int k) =>
        Task.FromResult(assetIndex.Cells(cellMetres, k));

    public async Task<int> SweepStaleness()
    {
        var overdue = deadlines.TakeOverdue(clock.Now, MaxChecksPerSweep);
        var checks = overdue
            .Where(roster.State.Assets.ContainsKey)
            .Select(async assetId =>
            {
                var twin = TwinGrains.Get(GrainFactory, roster.State.Assets[assetId], assetId);
                try
                {
                    return (assetId, next: await twin.CheckStaleness(), failed: false);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Staleness check of {AssetId} failed; it is asked again next sweep", assetId);
                    return (assetId, next: (DateTimeOffset?)null, failed: true);
                }
            })
            .ToList();
        foreach (var (assetId, next, failed) in await Task.WhenAll(checks))
        {
            if (failed)
                deadlines.Set(assetId, clock.Now);
            else if (next is { } deadline && roster.State.Assets.ContainsKey(assetId))
                deadlines.Set(assetId, deadline);
        }
        return checks.Count;
    }

    private bool HasCondition(string assetId, string condition) =>
        conditionsByAsset.TryGetValue(assetId, out var conditions) && conditions.Contains(condition, StringComparer.Ordinal);

    private void PictureMoved(string assetId, AssetKind kind, AssetPicture moved, DateTimeOffset at)
    {
        var previous = picture.Set(assetId, kind, moved);
        if (kind == AssetKind.Streetlight)
            LightPictureMoved(assetId, previous, moved, at);
        else if (kind == AssetKind.Intersection && previous?.Band(PictureBands.Traffic) != moved.Band(PictureBands.Traffic))
            TrafficMoved(assetId);
    }

    private void Remember(string assetId, AssetKind kind)
    {
        if (roster.State.Assets.TryGetValue(assetId, out var known) && known == kind)
            return;
        roster.State.Assets[assetId] = kind;
        RosterChanged();
    }

    private void Raise(string assetId, string condition)
    {
        var conditions = conditionsByAsset.GetValueOrDefault(assetId) ?? [];
        if (conditions.Contains(condition, StringComparer.Ordinal))
            return;
        conditionsByAsset[assetId] = [.. conditions, string.Intern(condition)];
        activeConditions[condition] = activeConditions.GetValueOrDefault(condition) + 1;
    }

    private void Clear(string assetId, string condition)
    {
        if (!conditionsByAsset.TryGetValue(assetId, out var conditions) || !conditions.Contains(condition, StringComparer.Ordinal))
            return;
        var remaining = conditions.Where(c => c != condition).ToArray();
        if (remaining.Length == 0) conditionsByAsset.Remove(assetId);
        else conditionsByAsset[assetId] = remaining;
        Decrement(condition);
    }

    private void Decrement(string condition)
    {
        var remaining = activeConditions.GetValueOrDefault(condition) - 1;
        if (remaining > 0) activeConditions[condition] = remaining;
        else activeConditions.Remove(condition);
    }

    /// <summary>Roster changes come in bursts (an import): they are written together, a moment later.</summary>
    private void RosterChanged()
    {
        rosterUnsaved = true;
        rosterTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                rosterTimer?.Dispose();
                rosterTimer = null;
                await SaveRosterAsync();
            },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    private async Task SaveRosterAsync()
    {
        rosterUnsaved = false;
        try
        {
            await roster.WriteStateAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Saving the roster of district {District} failed; retrying", DistrictId);
            RosterChanged();
        }
    }

    /// <summary>What signals and the sun change (alerts, commands sent, energy) is written behind, a moment later.</summary>
    private void CoordinationChanged()
    {
        coordinationUnsaved = true;
        coordinationTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                coordinationTimer?.Dispose();
                coordinationTimer = null;
                await SaveCoordinationAsync();
            },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    private async Task SaveCoordinationAsync()
    {
        coordinationUnsaved = false;
        try
        {
            await coordination.WriteStateAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Saving the alerts and lighting of district {District} failed; retrying", DistrictId);
            CoordinationChanged();
        }
    }

    /// <summary>An operator's change: written through before it is acknowledged; a failed write leaves memory as storage has it.</summary>
    private async Task WriteCoordinationThroughAsync()
    {
        try
        {
            coordinationUnsaved = false;
            await coordination.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
