namespace CityTwin.Domain.Intersections;

/// <summary>
/// Something the district should hear about. <see cref="Raised"/> is true when the condition starts (for
/// <see cref="IntersectionSignalCodes.CongestionChanged"/>: got worse; for
/// <see cref="IntersectionSignalCodes.ForecastMoved"/>: moved up) and false when it ends (got better, moved down).
/// </summary>
/// <param name="ApproachId">The approach concerned, for per-approach signals; null for the intersection as a whole.</param>
public sealed record IntersectionSignal(string Code, bool Raised, string? ApproachId = null);

public static class IntersectionSignalCodes
{
    /// <summary>The intersection's level changed.</summary>
    public const string CongestionChanged = "congestion-changed";

    /// <summary>The intersection entered (raised) or left (cleared) gridlock.</summary>
    public const string Gridlock = "gridlock";

    /// <summary>An approach reported an incident (raised) or stopped reporting it (cleared).</summary>
    public const string Incident = "incident";

    /// <summary>An approach's next-hour forecast moved past the threshold since the last time the district was told.</summary>
    public const string ForecastMoved = "forecast-moved";
}

public sealed record ApproachLevelChange(string ApproachId, CongestionLevel From, CongestionLevel To);

/// <summary>What applying a reading changed.</summary>
/// <param name="SignalPlanChanged">A materially different plan was adopted and should be sent to the controller.</param>
public sealed record IntersectionOutcome(
    CongestionLevel PreviousCongested,
    CongestionLevel Congested,
    IReadOnlyList<ApproachLevelChange> ApproachLevelChanges,
    bool SignalPlanChanged,
    int TravelTimeSamplesRecorded,
    IReadOnlyList<IntersectionSignal> Signals);
