using CityTwin.Domain.Common;
using CityTwin.Domain.Intersections;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Intersections;

/// <summary>
/// What of an applied reading the district hears, shaped so that its counts per condition stay true (it
/// keeps one condition per asset and code):
/// <list type="bullet">
/// <item>The congested level is one condition, <c>congested=moderate|heavy|gridlock</c>, moved when the domain
/// reports a level change; the domain's gridlock signal is the <c>congested=gridlock</c> one.</item>
/// <item>An incident is one condition per intersection: raised by the first approach reporting one, cleared
/// with the last, since a per-approach clearing would clear the intersection's while another approach still has one.</item>
/// <item>A moved next-hour forecast is a prediction, not a condition.</item>
/// </list>
/// </summary>
internal static class IntersectionSignals
{
    public static bool AnyIncident(IntersectionState state) => state.Approaches.Any(a => a.Incident);

    /// <param name="hadIncident"><see cref="AnyIncident"/> before the reading was applied.</param>
    public static List<TwinSignal> ToDistrict(IntersectionOutcome outcome, IntersectionState state, bool hadIncident)
    {
        var signals = new List<TwinSignal>();
        if (outcome.Congested != outcome.PreviousCongested)
        {
            var change = $"{JsonNames.Of(outcome.PreviousCongested)} to {JsonNames.Of(outcome.Congested)}";
            if (outcome.PreviousCongested != CongestionLevel.Free)
                signals.Add(new(TwinSignalKind.ThresholdCleared, CongestedCode(outcome.PreviousCongested), change));
            if (outcome.Congested != CongestionLevel.Free)
                signals.Add(new(TwinSignalKind.ThresholdCrossed, CongestedCode(outcome.Congested), change));
        }

        var hasIncident = AnyIncident(state);
        if (hasIncident != hadIncident)
            signals.Add(SignalMapping.Condition(IntersectionSignalCodes.Incident, hasIncident, IncidentDetail(outcome)));

        foreach (var moved in outcome.Signals.Where(s => s.Code == IntersectionSignalCodes.ForecastMoved))
        {
            var forecast = state.Approaches.First(a => a.Id == moved.ApproachId).SignalledForecast;
            signals.Add(new(TwinSignalKind.PredictionMoved, IntersectionSignalCodes.ForecastMoved,
                $"{moved.ApproachId}: {(moved.Raised ? "up" : "down")} to {forecast} veh/h within the hour"));
        }

        return signals;
    }

    private static string CongestedCode(CongestionLevel level) => $"congested={JsonNames.Of(level)}";

    private static string IncidentDetail(IntersectionOutcome outcome) =>
        string.Join(", ", outcome.Signals
            .Where(s => s.Code == IntersectionSignalCodes.Incident)
            .Select(s => $"{(s.Raised ? "reported" : "cleared")} on {s.ApproachId}"));
}
