namespace CityTwin.Domain.Lighting;

/// <summary>
/// An operator's order for one light (<see cref="LightId"/> set) or a whole district (<see cref="LightId"/>
/// null) to burn at <see cref="Level"/> from <see cref="From"/> until <see cref="Until"/>. While it is in force
/// it wins over the policy, the sun and the safety minimum alike; a light's own override wins over its
/// district's, and of two for the same scope the one set later wins.
/// </summary>
public sealed record LightingOverride(
    string Id,
    string? LightId,
    double Level,
    DateTimeOffset From,
    DateTimeOffset Until,
    string SetBy,
    DateTimeOffset SetAt,
    string? Reason = null)
{
    public bool IsInForce(DateTimeOffset now) => From <= now && now < Until;

    public bool Covers(string lightId) => LightId is null || LightId == lightId;

    public IReadOnlyList<Common.RuleViolation> Validate()
    {
        var violations = new List<Common.RuleViolation>();
        if (string.IsNullOrWhiteSpace(Id))
            violations.Add(new("id", "is required"));
        if (!double.IsFinite(Level) || Level is < 0 or > 1)
            violations.Add(new("level", $"{Level} is outside 0..1"));
        if (Until <= From)
            violations.Add(new("until", $"{Until:O} is not after from {From:O}"));
        if (string.IsNullOrWhiteSpace(SetBy))
            violations.Add(new("setBy", "is required: who set the override"));
        return violations;
    }
}
