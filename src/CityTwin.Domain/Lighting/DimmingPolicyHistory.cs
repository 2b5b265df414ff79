using CityTwin.Domain.Common;

namespace CityTwin.Domain.Lighting;

/// <summary>
/// Every version of a district's dimming policy, oldest first: the audit trail. A revision is checked before it
/// is kept, gets the next version number, who made it and when; a refused revision changes nothing.
/// </summary>
public sealed class DimmingPolicyHistory
{
    /// <summary>Versions kept; older ones are dropped first (the newest always stays).</summary>
    public const int MaxVersions = 200;

    public List<DimmingPolicy> Versions { get; set; } = [];

    public DimmingPolicy? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>The version in force at <paramref name="at"/>: the newest changed at or before it.</summary>
    public DimmingPolicy? InForceAt(DateTimeOffset at) => Versions.LastOrDefault(v => v.ChangedAt <= at);

    /// <summary>
    /// Keeps <paramref name="proposed"/> as the next version, changed by <paramref name="by"/> at
    /// <paramref name="at"/>. Returns the violations; empty when it was kept.
    /// </summary>
    public IReadOnlyList<RuleViolation> Revise(DimmingPolicy proposed, string by, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var stamped = proposed with
        {
            Version = (Current?.Version ?? 0) + 1,
            ChangedBy = by,
            ChangedAt = at,
            ChangeNote = note,
        };
        var violations = new List<RuleViolation>(stamped.Validate());
        if (string.IsNullOrWhiteSpace(by))
            violations.Add(new("changedBy", "is required: who changed the policy"));
        if (Current is { } current)
        {
            if (proposed.DistrictId != current.DistrictId)
                violations.Add(new("districtId", $"'{proposed.DistrictId}' is not this policy's district '{current.DistrictId}'"));
            if (at < current.ChangedAt)
                violations.Add(new("changedAt", $"{at:O} is before the current version's {current.ChangedAt:O}"));
        }
        if (violations.Count > 0)
            return violations;
        Versions.Add(stamped);
        if (Versions.Count > MaxVersions)
            Versions.RemoveRange(0, Versions.Count - MaxVersions);
        return violations;
    }
}
