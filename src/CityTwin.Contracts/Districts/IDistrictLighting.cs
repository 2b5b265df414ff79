using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// A district's streetlight dimming: its policy (versioned, every version kept with who changed it and why),
/// operators' overrides, the targets it sends its lights, and energy and cost per local day. Changes are
/// written through before they are acknowledged.
/// </summary>
[Alias("citytwin.IDistrictLighting")]
public interface IDistrictLighting : IGrainWithStringKey
{
    /// <summary>
    /// The policy in force: the defaults as version 0 until someone revises it. A district sends its lights
    /// commands only once it has a policy of its own (version 1 or later): dimming is the city's decision.
    /// </summary>
    [Alias("GetDimmingPolicy"), AlwaysInterleave]
    Task<DimmingPolicySettings> GetDimmingPolicy();

    /// <summary>Every kept version, oldest first.</summary>
    [Alias("GetDimmingPolicyHistory"), AlwaysInterleave]
    Task<IReadOnlyList<DimmingPolicySettings>> GetDimmingPolicyHistory();

    /// <summary>Keeps <paramref name="proposed"/> as the next version (its version and audit fields are set here).</summary>
    [Alias("ReviseDimmingPolicy")]
    Task<CommandResult> ReviseDimmingPolicy(DimmingPolicySettings proposed, string by, string? note);

    /// <summary>An operator's order for a light (or, with no light, the whole district) that wins until it expires.</summary>
    [Alias("SetLightingOverride")]
    Task<CommandResult> SetLightingOverride(LightingOverrideRequest request);

    [Alias("CancelLightingOverride")]
    Task<CommandResult> CancelLightingOverride(string overrideId);

    [Alias("ListLightingOverrides"), AlwaysInterleave]
    Task<IReadOnlyList<LightingOverrideRequest>> ListLightingOverrides();

    /// <summary>What each light should burn at now and why, as last evaluated.</summary>
    [Alias("GetLightTargets"), AlwaysInterleave]
    Task<IReadOnlyList<LightTargetView>> GetLightTargets();

    /// <summary>Evaluates every light's target now and sends what changed (a grain timer also does, at each sun change).</summary>
    [Alias("EvaluateLighting")]
    Task<LightingEvaluation> EvaluateLighting();

    /// <summary>Energy and cost per local day, <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    [Alias("GetEnergy"), AlwaysInterleave]
    Task<IReadOnlyList<DayEnergyView>> GetEnergy(DateOnly from, DateOnly to);
}

/// <summary>A dimming policy version (see docs/district-rules.md for the meaning and defaults of each).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.DimmingPolicySettings")]
public sealed record DimmingPolicySettings(
    [property: Id(0)] int Version,
    [property: Id(1)] string ChangedBy,
    [property: Id(2)] DateTimeOffset ChangedAt,
    [property: Id(3)] string? ChangeNote,
    /// <summary>standard (sunrise/sunset, -0.833°) or civilTwilight (-6°).</summary>
    [property: Id(4)] string Horizon,
    [property: Id(5)] double FullLevel,
    [property: Id(6)] double TrafficLevel,
    [property: Id(7)] double DimmedLevel,
    [property: Id(8)] double SafetyMinimumLevel,
    [property: Id(9)] double FailedNeighbourLevel,
    [property: Id(10)] double LowTrafficPerHour,
    [property: Id(11)] TimeSpan PresenceHold,
    [property: Id(12)] TimeSpan ReactionTime,
    [property: Id(13)] double MaxCommandsPerSecond);

/// <summary>An override: <see cref="LightId"/> null covers the whole district.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.LightingOverrideRequest")]
public sealed record LightingOverrideRequest(
    [property: Id(0)] string Id,
    [property: Id(1)] string? LightId,
    [property: Id(2)] double Level,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset Until,
    [property: Id(5)] string SetBy,
    [property: Id(6)] string? Reason = null);

/// <param name="Reason">override, daylight, presence, neighbourFailed, traffic, noActivity, safetyMinimum.</param>
/// <param name="CommandedLevel">The level the light was last sent; null when never.</param>
[Immutable, GenerateSerializer, Alias("citytwin.LightTargetView")]
public sealed record LightTargetView(
    [property: Id(0)] string LightId,
    [property: Id(1)] double Level,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? OverrideId,
    [property: Id(4)] double? CommandedLevel);

/// <param name="Sent">Commands sent by this evaluation.</param>
/// <param name="Waiting">Changes waiting for the rate limit.</param>
/// <param name="NextEvaluationAt">When the district looks again (the next sun change, override edge or drain).</param>
[Immutable, GenerateSerializer, Alias("citytwin.LightingEvaluation")]
public sealed record LightingEvaluation(
    [property: Id(0)] int Lights,
    [property: Id(1)] int Sent,
    [property: Id(2)] int Waiting,
    [property: Id(3)] bool Dark,
    [property: Id(4)] DateTimeOffset? NextEvaluationAt);

[Immutable, GenerateSerializer, Alias("citytwin.DayEnergyView")]
public sealed record DayEnergyView(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double UsedKwh,
    [property: Id(2)] decimal UsedCost,
    [property: Id(3)] double BaselineKwh,
    [property: Id(4)] decimal BaselineCost,
    [property: Id(5)] string Currency);
