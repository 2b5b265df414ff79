namespace CityTwin.Domain.Alerts;

/// <summary>How a district's alert book escalates; severities may differ from <see cref="AlertRules.DefaultSeverity"/>.</summary>
public sealed record AlertSettings
{
    /// <summary>An alert nobody acknowledged for this long is escalated, and again after each such period.</summary>
    public TimeSpan EscalateAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How many times an alert is escalated at most (each step one severity up, to critical at most).</summary>
    public int MaxEscalations { get; init; } = 3;

    public IReadOnlyDictionary<AlertType, AlertSeverity> Severities { get; init; } = new Dictionary<AlertType, AlertSeverity>();

    public AlertSeverity SeverityOf(AlertType type) =>
        Severities.TryGetValue(type, out var severity) ? severity : AlertRules.DefaultSeverity(type);

    public IReadOnlyList<Common.RuleViolation> Validate()
    {
        var violations = new List<Common.RuleViolation>();
        if (EscalateAfter < TimeSpan.FromMinutes(1) || EscalateAfter > TimeSpan.FromDays(7))
            violations.Add(new("escalateAfter", $"{EscalateAfter} is outside 00:01:00..7.00:00:00"));
        if (MaxEscalations is < 0 or > 10)
            violations.Add(new("maxEscalations", $"{MaxEscalations} is outside 0..10"));
        return violations;
    }
}
