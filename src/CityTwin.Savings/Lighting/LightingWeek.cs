namespace CityTwin.Savings.Lighting;

/// <summary>
/// A simulated week of a district's streetlights under the dimming policy, against every light at full from
/// dusk to dawn, and how the policy kept its reaction time.
/// </summary>
/// <param name="PresenceOnsets">Times a light saw someone in the dark while below full.</param>
/// <param name="ReactionViolations">Of those, the times the light stayed below full for longer than the policy's reaction time.</param>
/// <param name="WorstReaction">The longest a light with presence stayed below full.</param>
/// <param name="LateCommands">Presence commands the command queue itself marked late (a cross-check of <paramref name="ReactionViolations"/>).</param>
public sealed record LightingWeek(
    double UsedKwh,
    double BaselineKwh,
    decimal UsedCost,
    decimal BaselineCost,
    int Commands,
    int PresenceOnsets,
    int ReactionViolations,
    TimeSpan WorstReaction,
    int LateCommands,
    TimeSpan ReactionTime)
{
    public double SavedPercent => BaselineKwh > 0 ? 100 * (1 - UsedKwh / BaselineKwh) : 0;
}
