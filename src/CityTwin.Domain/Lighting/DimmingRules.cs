namespace CityTwin.Domain.Lighting;

/// <summary>Why a light got its target level.</summary>
public enum DimmingReason
{
    /// <summary>An operator's override is in force.</summary>
    Override,

    /// <summary>The Sun is up (after dawn, before dusk): off.</summary>
    Daylight,

    /// <summary>Someone is there, or was within the policy's presence hold: full.</summary>
    Presence,

    /// <summary>A neighbouring light has failed: raised to fill the gap.</summary>
    NeighbourFailed,

    /// <summary>Traffic at an adjacent intersection is above the policy's low-traffic limit.</summary>
    Traffic,

    /// <summary>Nobody there and little traffic: dimmed.</summary>
    NoActivity,

    /// <summary>The level the rules arrived at was below the policy's safety minimum, so the minimum holds.</summary>
    SafetyMinimum,
}

/// <summary>The level a light should burn at, and why.</summary>
/// <param name="OverrideId">The override in force, when <paramref name="Reason"/> is <see cref="DimmingReason.Override"/>.</param>
public sealed record DimmingDecision(double Level, DimmingReason Reason, string? OverrideId = null);

/// <summary>What the district knows about one light's surroundings at an instant.</summary>
/// <param name="LastPresenceAt">When the light's presence sensor last said someone was there; null when never.</param>
/// <param name="PresenceDetected">Its presence sensor says someone is there now.</param>
/// <param name="NearbyTrafficPerHour">
/// The highest intensity (vehicles per hour) among the adjacent intersections whose reports are current; null
/// when the light has none, or none is current, and then presence alone decides between dimmed and full.
/// </param>
/// <param name="NeighbourFailed">A light next to this one is reported failed (lamp defective or column fault).</param>
public sealed record LightContext(
    string LightId,
    bool PresenceDetected = false,
    DateTimeOffset? LastPresenceAt = null,
    double? NearbyTrafficPerHour = null,
    bool NeighbourFailed = false);

/// <summary>
/// The dimming policy as a pure function: an override in force wins; otherwise off between dawn and dusk; in
/// the dark the highest of full for presence, the failed-neighbour level, the traffic level and the dimmed
/// level, never below the safety minimum. Presence makes the target full at once; the command limiter then
/// sends it before any other change (see <see cref="LightCommandQueue"/>), which is how the policy's reaction
/// time is kept.
/// </summary>
public static class DimmingRules
{
    public static DimmingDecision Target(
        DimmingPolicy policy, LightContext light, IReadOnlyList<LightingOverride> overrides, Daylight daylight, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(light);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(daylight);

        if (OverrideFor(light.LightId, overrides, now) is { } order)
            return new(order.Level, DimmingReason.Override, order.Id);
        if (!daylight.IsDark(now))
            return new(0, DimmingReason.Daylight);

        var decision = new DimmingDecision(policy.DimmedLevel, DimmingReason.NoActivity);
        if (light.NearbyTrafficPerHour is { } traffic && traffic > policy.LowTrafficPerHour)
            decision = Higher(decision, new(policy.TrafficLevel, DimmingReason.Traffic));
        if (light.NeighbourFailed)
            decision = Higher(decision, new(policy.FailedNeighbourLevel, DimmingReason.NeighbourFailed));
        if (PresenceHeld(policy, light, now))
            decision = Higher(decision, new(policy.FullLevel, DimmingReason.Presence));
        if (decision.Level < policy.SafetyMinimumLevel)
            decision = new(policy.SafetyMinimumLevel, DimmingReason.SafetyMinimum);
        return decision;
    }

    /// <summary>The override in force for a light: its own before its district's, the later-set first.</summary>
    public static LightingOverride? OverrideFor(string lightId, IReadOnlyList<LightingOverride> overrides, DateTimeOffset now) =>
        overrides
            .Where(o => o.IsInForce(now) && o.Covers(lightId))
            .OrderByDescending(o => o.LightId is not null)
            .ThenByDescending(o => o.SetAt)
            .FirstOrDefault();

    /// <summary>Drops the overrides that have expired by <paramref name="now"/>.</summary>
    public static List<LightingOverride> WithoutExpired(IEnumerable<LightingOverride> overrides, DateTimeOffset now) =>
        [.. overrides.Where(o => o.Until > now)];

    private static bool PresenceHeld(DimmingPolicy policy, LightContext light, DateTimeOffset now) =>
        light.PresenceDetected || (light.LastPresenceAt is { } seen && now - seen < policy.PresenceHold);

    /// <summary>The higher level wins; on a tie the later (more pressing) reason does.</summary>
    private static DimmingDecision Higher(DimmingDecision current, DimmingDecision candidate) =>
        candidate.Level >= current.Level ? candidate : current;
}
