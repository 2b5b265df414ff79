using System.Text.Json.Serialization;

namespace CityTwin.Domain.Common;

/// <summary>What a twin keeps to know whether its device is still talking to it.</summary>
public sealed class TwinLiveness
{
    /// <summary>Server time of the last message from the device (duplicates excluded).</summary>
    public DateTimeOffset? LastHeardAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Stale { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StaleSince { get; set; }

    /// <summary>What the device's status topic last said: online (retained), offline (its will); null before it said anything.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Online { get; set; }
}

/// <summary>
/// Staleness without a timer per twin: each twin computes its deadline with <see cref="DeadlineFor"/>
/// and hands it to its district's <see cref="DeadlineIndex"/>; the district takes the overdue ones and
/// asks those twins to <see cref="CheckOverdue"/>.
/// </summary>
public static class Staleness
{
    /// <summary>The signal code of <see cref="TwinSignalKind.BecameStale"/> and <see cref="TwinSignalKind.BackOnline"/>.</summary>
    public const string Code = "stale";

    /// <summary>
    /// <c>max(lastHeard + interval × (missed + 1), startedAt + grace)</c>. A twin that has never heard
    /// from its device counts from <paramref name="startedAt"/>.
    /// </summary>
    public static DateTimeOffset DeadlineFor(DateTimeOffset? lastHeard, StalenessPolicy policy, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var fromReports = (lastHeard ?? startedAt) + policy.Tolerance;
        var fromStart = startedAt + policy.StartupGrace;
        return fromReports > fromStart ? fromReports : fromStart;
    }

    /// <summary>
    /// Notes a message from the device at server time <paramref name="now"/>; returns
    /// <see cref="TwinSignalKind.BackOnline"/> when the twin was stale.
    /// </summary>
    public static TwinSignal? Heard(TwinLiveness liveness, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(liveness);
        if (liveness.LastHeardAt is not { } last || now > last)
            liveness.LastHeardAt = now;
        if (!liveness.Stale)
            return null;
        var silentFor = liveness.StaleSince is { } since ? $"stale since {since:O}" : null;
        liveness.Stale = false;
        liveness.StaleSince = null;
        return new(TwinSignalKind.BackOnline, Code, silentFor);
    }

    /// <summary>
    /// Marks the twin stale when its deadline has passed; returns <see cref="TwinSignalKind.BecameStale"/>
    /// only on the change, so asking twice (an index entry that was re-set, a restart) is harmless.
    /// </summary>
    public static TwinSignal? CheckOverdue(
        TwinLiveness liveness, DateTimeOffset now, StalenessPolicy policy, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(liveness);
        if (liveness.Stale)
            return null;
        var deadline = DeadlineFor(liveness.LastHeardAt, policy, startedAt);
        if (now < deadline)
            return null;
        liveness.Stale = true;
        liveness.StaleSince = deadline;
        var detail = liveness.LastHeardAt is { } last ? $"last heard {last:O}" : "never heard";
        return new(TwinSignalKind.BecameStale, Code, detail);
    }
}
