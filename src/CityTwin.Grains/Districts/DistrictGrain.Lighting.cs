using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Inventory;
using CityTwin.Contracts.Streetlights;
using CityTwin.Domain.Lighting;
using CityTwin.Domain.Streetlights;
using CityTwin.Grains.Districts.Lighting;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Districts;

/// <summary>
/// Dimming: targets from <see cref="DimmingRules"/> for the district's lights, evaluated at the next sun change
/// (a grain timer) and when presence, traffic, a failure or an override changes; level commands only when a
/// target changes, rate-limited by <see cref="LightCommandQueue"/>, sent through the streetlight twin's
/// desired-level command; energy and cost per local day in the <see cref="EnergyLedger"/>. A district dims only
/// once it has a policy of its own (the first revision); until then it sends its lights nothing.
/// </summary>
public sealed partial class DistrictGrain
{
    private readonly LightingOptions lightingOptions;
    private LightingPlanner? planner;
    private Tariff tariff = Tariff.Flat(0);
    private IGrainTimer? lightingTimer;
    private DateTimeOffset? lightingTimerAt;

    private DimmingPolicy Policy => Coordination.Policy.Current ?? new DimmingPolicy { DistrictId = DistrictId, Version = 0 };

    /// <summary>Once per activation (again if the district was not yet in the directory): sun, roads, a first evaluation.</summary>
    private async Task StartLightingAsync()
    {
        if (planner is not null)
            return;
        tariff = lightingOptions.ToTariff();
        if (await GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(DistrictId) is not { } district || planner is not null)
            return; // no coordinates, no sun: a district outside the directory only keeps its picture
        planner = new LightingPlanner(district.CentreLatitude, district.CentreLongitude, TimeZoneInfo.FindSystemTimeZoneById(district.TimeZone));
        await LoadRoadsAsync();
        await EvaluateAsync(null);
    }

    private async Task LoadRoadsAsync()
    {
        try
        {
            planner?.SetRoads(await GrainFactory.GetGrain<IRoadNetworkGrain>(DistrictId).GetSegments());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "District {District} could not read its road network: lights have no neighbours or adjacent intersections until it can", DistrictId);
        }
    }

    public Task<DimmingPolicySettings> GetDimmingPolicy() => Task.FromResult(PolicyMapping.ToSettings(Policy));

    public Task<IReadOnlyList<DimmingPolicySettings>> GetDimmingPolicyHistory() =>
        Task.FromResult<IReadOnlyList<DimmingPolicySettings>>([.. Coordination.Policy.Versions.Select(PolicyMapping.ToSettings)]);

    public async Task<CommandResult> ReviseDimmingPolicy(DimmingPolicySettings proposed, string by, string? note)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        await StartLightingAsync();
        if (PolicyMapping.ToPolicy(DistrictId, proposed) is not { } policy)
            return CommandResult.Rejected("horizon", $"'{proposed.Horizon}' is not standard or civilTwilight");
        var violations = Coordination.Policy.Revise(policy, by, clock.Now, note);
        if (violations.Count > 0)
            return Rejected(violations);
        await WriteCoordinationThroughAsync();
        await LoadRoadsAsync();
        await EvaluateAsync(null);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetLightingOverride(LightingOverrideRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await StartLightingAsync();
        var order = PolicyMapping.ToOverride(request, clock.Now);
        var violations = order.Validate().ToList();
        if (Coordination.Overrides.Any(o => o.Id == order.Id))
            violations.Add(new("id", $"an override '{order.Id}' exists already"));
        if (order.LightId is { } light && picture.Of(light) is null)
            violations.Add(new("lightId", $"no streetlight '{light}' in district '{DistrictId}'"));
        if (violations.Count > 0)
            return Rejected(violations);
        Coordination.Overrides = [.. DimmingRules.WithoutExpired(Coordination.Overrides, clock.Now), order];
        await WriteCoordinationThroughAsync();
        await EvaluateAsync(order.LightId is { } one ? [one] : null);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> CancelLightingOverride(string overrideId)
    {
        var order = Coordination.Overrides.FirstOrDefault(o => o.Id == overrideId);
        if (order is null)
            return CommandResult.Rejected("overrideId", $"no override '{overrideId}' in district '{DistrictId}'");
        Coordination.Overrides = [.. Coordination.Overrides.Where(o => o.Id != overrideId)];
        await WriteCoordinationThroughAsync();
        await EvaluateAsync(order.LightId is { } one ? [one] : null);
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<LightingOverrideRequest>> ListLightingOverrides() =>
        Task.FromResult<IReadOnlyList<LightingOverrideRequest>>([.. Coordination.Overrides.Select(PolicyMapping.ToRequest)]);

    public Task<IReadOnlyList<LightTargetView>> GetLightTargets() =>
        Task.FromResult<IReadOnlyList<LightTargetView>>(
            planner is null ? [] : [.. planner.Targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new LightTargetView(
                t.Key,
                t.Value.Level,
                JsonNames.Of(t.Value.Reason),
                t.Value.OverrideId,
                Coordination.Commands.Commanded.TryGetValue(t.Key, out var sent) ? sent : null))]);

    public async Task<LightingEvaluation> EvaluateLighting()
    {
        await StartLightingAsync();
        return await EvaluateAsync(null);
    }

    public Task<IReadOnlyList<DayEnergyView>> GetEnergy(DateOnly from, DateOnly to) =>
        Task.FromResult<IReadOnlyList<DayEnergyView>>([.. Coordination.Energy.Days
            .Where(d => d.Date >= from && d.Date <= to)
            .Select(d => new DayEnergyView(d.Date, d.UsedKwh, d.UsedCost, d.BaselineKwh, d.BaselineCost, tariff.Currency))]);

    private void LightPictureMoved(string lightId, AssetPicture? previous, AssetPicture current, DateTimeOffset at)
    {
        if (planner is null)
            return;
        RecordEnergy(at);
        var lights = planner.Observe(lightId, previous, current, at, picture);
        // Presence and a new light need a target now; a level that only follows a command does not.
        if (previous is null || previous.Band(PictureBands.Presence) != current.Band(PictureBands.Presence) || previous.RoadSegmentId != current.RoadSegmentId)
            EvaluateAsync(lights).Ignore();
    }

    private void LightLeft(string lightId, AssetPicture removed)
    {
        if (planner is null)
            return;
        RecordEnergy(clock.Now);
        planner.Observe(lightId, removed, null, clock.Now, picture);
        Coordination.Commands.Forget(lightId);
        CoordinationChanged();
    }

    private void TrafficMoved(string intersectionId)
    {
        if (planner is not null)
            EvaluateAsync(planner.LightsNear(intersectionId, picture)).Ignore();
    }

    /// <summary>Failures and staleness of lights and intersections come as conditions; they move their street's targets.</summary>
    private void LightingHears(AssetNotification notification)
    {
        if (planner is null || notification.Signals.Count == 0)
            return;
        if (notification.Kind == AssetKind.Streetlight
            && notification.Signals.Any(s => s.Code is StreetlightSignal.DefectiveLamp or StreetlightSignal.ColumnIssue))
            EvaluateAsync(planner.StreetOf(notification.AssetId, picture)).Ignore();
        else if (notification.Kind == AssetKind.Intersection && notification.Signals.Any(s => s.Code == Domain.Common.Staleness.Code))
            TrafficMoved(notification.AssetId);
    }

    private bool LightFailed(string lightId) =>
        HasCondition(lightId, $"{AssetKind.Streetlight.Segment()}:{StreetlightSignal.DefectiveLamp}")
        || HasCondition(lightId, $"{AssetKind.Streetlight.Segment()}:{StreetlightSignal.ColumnIssue}");

    private bool IsStale(string assetId) =>
        roster.State.Assets.TryGetValue(assetId, out var kind) && HasCondition(assetId, $"{kind.Segment()}:{Domain.Common.Staleness.Code}");

    private async Task<LightingEvaluation> EvaluateAsync(IReadOnlyCollection<string>? lights)
    {
        if (planner is null)
            return new LightingEvaluation(0, 0, 0, false, null);
        var now = clock.Now;
        var policy = Policy;
        if (Coordination.Policy.Current is null)
        {
            // A city decides to dim: until a district has a policy of its own, its lights keep the levels they have.
            RecordEnergy(now);
            return new LightingEvaluation(0, 0, 0, planner.DaylightAt(now, policy.Horizon).IsDark(now), ScheduleLighting(now));
        }
        var expired = Coordination.Overrides.Count;
        Coordination.Overrides = DimmingRules.WithoutExpired(Coordination.Overrides, now);
        var batch = planner.Evaluate(Coordination, policy, picture, LightFailed, IsStale, lights, now);
        RecordEnergy(now);
        if (batch.Send.Count > 0 || expired != Coordination.Overrides.Count)
            CoordinationChanged();
        foreach (var late in batch.Send.Where(c => c.Late))
            logger.LogWarning("District {District} sent light {Light} its presence level {Late} late (needed since {Since})", DistrictId, late.LightId, late.Level, late.NeededSince);
        await Task.WhenAll(batch.Send.Select(SendAsync));
        FeedDimming(batch.Send.Count);
        var next = ScheduleLighting(now, batch.NextDrainAt);
        return new LightingEvaluation(planner.Targets.Count, batch.Send.Count, batch.Waiting, planner.DaylightAt(now, policy.Horizon).IsDark(now), next);
    }

    private async Task SendAsync(LightCommand command)
    {
        try
        {
            var result = await GrainFactory.GetGrain<IStreetlightGrain>(command.LightId).RequestLevel(command.Level);
            if (!result.Accepted)
            {
                logger.LogWarning("Light {Light} refused level {Level}: {Errors}", command.LightId, command.Level, string.Join("; ", result.Errors));
                Coordination.Commands.Resend(command.LightId);
            }
        }
        catch (Exception e)
        {
            // Forgetting what was sent makes the next evaluation send the target again.
            logger.LogWarning(e, "Sending light {Light} level {Level} failed; it is sent again at the next evaluation", command.LightId, command.Level);
            Coordination.Commands.Resend(command.LightId);
        }
    }

    /// <summary>One timer, set for the earliest of the next sun change, override edge, presence hold's end and queue drain.</summary>
    private DateTimeOffset? ScheduleLighting(DateTimeOffset now, DateTimeOffset? drainAt = null)
    {
        if (planner is null)
            return null;
        var candidates = new[] { planner.NextChange(Coordination, Policy, now), drainAt, now + lightingOptions.MaxEvaluationInterval };
        var next = candidates.Where(t => t is not null).Min()!.Value;
        // A timer due no later stays: it evaluates then and sets the next one from there. Moving it later on every
        // presence change cost a timer registration per notification, and kept the look promised at least every
        // MaxEvaluationInterval from ever coming while notifications flowed.
        if (lightingTimer is not null && lightingTimerAt <= next)
            return lightingTimerAt;
        lightingTimer?.Dispose();
        lightingTimerAt = next;
        var due = clock.RealDuration(next - now);
        lightingTimer = this.RegisterGrainTimer(
            async _ =>
            {
                lightingTimer?.Dispose();
                lightingTimer = null;
                await EvaluateAsync(null);
            },
            new GrainTimerCreationOptions(due < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return next;
    }

    /// <summary>
    /// Adds the stretch since the last record to the ledger at the draw the lights last reported, and the
    /// baseline's (all lights at rated power while dark), then carries the draw now forward.
    /// </summary>
    private void RecordEnergy(DateTimeOffset now)
    {
        if (planner is null)
            return;
        var watts = picture.Sum(AssetKind.Streetlight, PictureMeasures.Watts);
        var dark = planner.DaylightAt(now, Policy.Horizon).IsDark(now);
        var baseline = dark ? picture.Sum(AssetKind.Streetlight, PictureMeasures.RatedWatts) : 0;
        if (Coordination.EnergyCursor is { } cursor && now > cursor.At)
        {
            var hours = (now - cursor.At).TotalHours;
            Coordination.Energy.Record(cursor.At, now, Math.Max(0, cursor.Watts) * hours / 1000, Math.Max(0, cursor.BaselineWatts) * hours / 1000, planner.Zone, tariff);
        }
        if (Coordination.EnergyCursor is null || now >= Coordination.EnergyCursor.At)
            Coordination.EnergyCursor = new EnergyCursor(now, watts, baseline);
        CoordinationChanged();
    }
}
