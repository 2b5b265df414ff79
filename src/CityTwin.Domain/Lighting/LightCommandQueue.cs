namespace CityTwin.Domain.Lighting;

/// <summary>A level change waiting to be sent, since when it has been wanted.</summary>
public sealed record PendingLevel(double Level, DimmingReason Reason, DateTimeOffset NeededSince);

/// <summary>A level command to send now.</summary>
/// <param name="Late">A presence raise sent after the policy's reaction time had run out.</param>
public sealed record LightCommand(string LightId, double Level, DimmingReason Reason, DateTimeOffset NeededSince, bool Late);

/// <summary>What one drain of the queue decided.</summary>
/// <param name="Send">The commands to send now, most pressing first.</param>
/// <param name="Waiting">Changes still waiting for the rate limit.</param>
/// <param name="OverdueWaiting">Lights whose presence raise is still waiting past the reaction time.</param>
/// <param name="NextDrainAt">When enough budget will be there for the next waiting change; null when none waits.</param>
public sealed record CommandBatch(
    IReadOnlyList<LightCommand> Send, int Waiting, IReadOnlyList<string> OverdueWaiting, DateTimeOffset? NextDrainAt);

/// <summary>
/// Which lights get a level command, per district: only a light whose target differs from the level it was last
/// sent gets one, and no more than the policy's commands per second leave (a token bucket holding one second's
/// worth, so a burst at dusk spreads out). When the budget is short the most pressing go first: presence
/// raises, oldest first, so the reaction time is kept even while the whole district changes at dusk; then
/// operators' overrides; then other raises; lowering last, as a light a little too bright for a few seconds
/// harms nobody. State is plain data, persisted with the district.
/// </summary>
public sealed class LightCommandQueue
{
    /// <summary>Targets closer than this to what was sent count as unchanged (DALI's 254 steps are ~0.4 % apart).</summary>
    public const double LevelTolerance = 0.005;

    /// <summary>The level each light was last sent.</summary>
    public Dictionary<string, double> Commanded { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, PendingLevel> Pending { get; set; } = new(StringComparer.Ordinal);

    public double Tokens { get; set; }

    public DateTimeOffset? RefilledAt { get; set; }

    /// <summary>
    /// Takes a light's current target. Returns true when it differs from the level the light was last sent (it
    /// waits to be sent); a target back at the sent level cancels a waiting change. A waiting change to the same
    /// level keeps the time it was first wanted.
    /// </summary>
    public bool Offer(string lightId, DimmingDecision target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Commanded.TryGetValue(lightId, out var sent) && Same(sent, target.Level))
        {
            Pending.Remove(lightId);
            return false;
        }
        if (Pending.TryGetValue(lightId, out var waiting) && Same(waiting.Level, target.Level))
        {
            Pending[lightId] = waiting with { Reason = target.Reason };
            return true;
        }
        Pending[lightId] = new PendingLevel(target.Level, target.Reason, now);
        return true;
    }

    /// <summary>The next commands within the rate limit; those returned count as sent.</summary>
    public CommandBatch Drain(DimmingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Refill(policy, now);
        var ordered = Pending
            .Select(p => (Id: p.Key, p.Value))
            .OrderBy(p => Priority(p.Id, p.Value))
            .ThenBy(p => p.Value.NeededSince)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

        var budget = (int)Math.Floor(Tokens + 1e-9);
        var send = new List<LightCommand>();
        foreach (var (id, change) in ordered.Take(budget))
        {
            send.Add(new LightCommand(id, change.Level, change.Reason, change.NeededSince, IsOverdue(policy, change, now)));
            Commanded[id] = change.Level;
            Pending.Remove(id);
        }
        Tokens -= send.Count;

        var overdue = ordered.Skip(send.Count).Where(p => IsOverdue(policy, p.Value, now)).Select(p => p.Id).ToList();
        DateTimeOffset? next = Pending.Count == 0 ? null : now + WaitForNextToken(policy);
        return new CommandBatch(send, Pending.Count, overdue, next);
    }

    /// <summary>
    /// A budget a hair short of one token gives a wait that rounds to no time at all, and a caller draining
    /// again at that same instant would get nothing and the same instant back, for ever: wait at least 1 ms.
    /// </summary>
    private TimeSpan WaitForNextToken(DimmingPolicy policy)
    {
        var wait = TimeSpan.FromSeconds(Math.Max(0, 1 - Tokens) / policy.MaxCommandsPerSecond);
        return wait < MinimumWait ? MinimumWait : wait;
    }

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    /// <summary>Forgets what a light was sent, so its next target is sent again (it rebooted, or reports another level).</summary>
    public void Resend(string lightId) => Commanded.Remove(lightId);

    /// <summary>Drops a light that left the district.</summary>
    public void Forget(string lightId)
    {
        Commanded.Remove(lightId);
        Pending.Remove(lightId);
    }

    private void Refill(DimmingPolicy policy, DateTimeOffset now)
    {
        var capacity = Math.Max(1, policy.MaxCommandsPerSecond);
        if (RefilledAt is not { } last)
            Tokens = capacity;
        else if (now > last)
            Tokens = Math.Min(capacity, Tokens + (now - last).TotalSeconds * policy.MaxCommandsPerSecond);
        Tokens = Math.Min(Tokens, capacity);
        if (RefilledAt is null || now > RefilledAt)
            RefilledAt = now;
    }

    private int Priority(string lightId, PendingLevel change)
    {
        var raise = Commanded.TryGetValue(lightId, out var sent) ? change.Level > sent : change.Level > 0;
        return (change.Reason, raise) switch
        {
            (DimmingReason.Presence, true) => 0,
            (DimmingReason.Override, _) => 1,
            (_, true) => 2,
            _ => 3,
        };
    }

    private static bool IsOverdue(DimmingPolicy policy, PendingLevel change, DateTimeOffset now) =>
        change.Reason == DimmingReason.Presence && now - change.NeededSince > policy.ReactionTime;

    private static bool Same(double a, double b) => Math.Abs(a - b) < LevelTolerance;
}
