using CityTwin.Domain.Common;

namespace CityTwin.Routing.Problems;

/// <summary>A routing problem that cannot be solved as given; <see cref="Violations"/> says what and where.</summary>
public sealed class RoutingProblemException(IReadOnlyList<RuleViolation> violations)
    : ArgumentException("The routing problem is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static void ThrowIfAny(IReadOnlyList<RuleViolation> violations)
    {
        if (violations.Count > 0)
            throw new RoutingProblemException(violations);
    }
}
