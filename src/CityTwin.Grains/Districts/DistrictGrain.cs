using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Common;
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
/// a timer of its own. Routing and dimming build on this contract.
/// </summary>
public sealed class DistrictGrain(
    [PersistentState(StorageNames.DistrictState, StorageNames.Provider)] IPersistentState<DistrictState> roster,
    CityClock clock,
    IOptions<TwinOptions> options,
    ILogger<DistrictGrain> logger)
    : Grain, IDistrictGrain
{
    /// <summary>Twins asked per sweep at most, so one sweep never holds the district for long.</summary>
    private const int MaxChecksPerSweep = 1000;

    private readonly DeadlineIndex deadlines = new();
    /// <summary>
    /// The raised conditions of each asset that has any: a small array, since an asset rarely has more
    /// than one or two (a HashSet per asset cost some 600 bytes each at 100,000 twins).
    /// </summary>
    private readonly Dictionary<string, string[]> conditionsByAsset = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> activeConditions = new(StringComparer.Ordinal);
    private long notificationsReceived;
    private bool rosterUnsaved;
    private IGrainTimer? rosterTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart every twin gets its kind's grace period before it can be called stale.
        var now = clock.Now;
        foreach (var (assetId, kind) in roster.State.Assets)
        {
            var graceEnds = clock.StartedAt + options.Value.Staleness[kind].StartupGrace;
            deadlines.Set(assetId, graceEnds > now ? graceEnds : now);
        }
        this.RegisterGrainTimer(
            _ => SweepStaleness(),
            new GrainTimerCreationOptions(options.Value.StalenessSweepInterval, options.Value.StalenessSweepInterval) { KeepAlive = true });
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (rosterUnsaved)
            await SaveRosterAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task Enroll(string assetId, AssetKind kind, DateTimeOffset deadline)
    {
        Remember(assetId, kind);
        deadlines.Set(assetId, deadline);
        return Task.CompletedTask;
    }

    public Task Withdraw(string assetId)
    {
        if (roster.State.Assets.Remove(assetId))
            RosterChanged();
        deadlines.Remove(assetId);
        if (conditionsByAsset.Remove(assetId, out var conditions))
        {
            foreach (var condition in conditions)
                Decrement(condition);
        }
        return Task.CompletedTask;
    }

    public Task Notify(AssetNotification notification)
    {
        notificationsReceived++;
        Remember(notification.AssetId, notification.Kind);
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
        return Task.CompletedTask;
    }

    public Task<DistrictCounts> GetCounts()
    {
        var assets = roster.State.Assets.Values
            .GroupBy(kind => kind)
            .ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new DistrictCounts(
            this.GetPrimaryKeyString(),
            assets,
            new Dictionary<string, int>(activeConditions),
            notificationsReceived,
            deadlines.Count));
    }

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
            logger.LogWarning(e, "Saving the roster of district {District} failed; retrying", this.GetPrimaryKeyString());
            RosterChanged();
        }
    }
}
