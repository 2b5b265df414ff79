namespace CityTwin.Domain.Streetlights;

/// <summary>
/// What a lamp should draw at a level, and whether a measurement fits. LED drivers draw input power roughly
/// in proportion to light output over the dimming range, so the model is linear:
/// expected W = standby + rated × level. Efficiency falls at deep dimming, which the tolerance absorbs.
/// </summary>
public static class LampPowerModel
{
    /// <summary>
    /// Smallest allowed deviation, as a fraction of rated power, so that low levels and the off state are not
    /// judged on a few watts of metering error and standby variation.
    /// </summary>
    public const double MinimumSlackFraction = 0.05;

    public static double ExpectedWatts(StreetlightParameters parameters, double level) =>
        parameters.StandbyPowerWatts + parameters.RatedPowerWatts * level;

    public static double SlackWatts(StreetlightParameters parameters, double level) =>
        Math.Max(parameters.PowerTolerance * ExpectedWatts(parameters, level),
                 MinimumSlackFraction * parameters.RatedPowerWatts);

    /// <summary>
    /// The fault a single measurement points at. Drawing no more than the off state although the level is
    /// above zero means the lamp gets no supply while the node can still report: fuse, cable or supply in the
    /// column (<see cref="StreetlightStatus.ColumnIssue"/>). Any other mismatch, too little or too much, is
    /// the lamp or its driver (<see cref="StreetlightStatus.DefectiveLamp"/>). A dead driver also draws
    /// nothing; telling it from a column fault needs a visit, and the column is checked first.
    /// </summary>
    public static StreetlightStatus Classify(StreetlightParameters parameters, double level, double measuredWatts)
    {
        var expected = ExpectedWatts(parameters, level);
        if (Math.Abs(measuredWatts - expected) <= SlackWatts(parameters, level))
            return StreetlightStatus.Ok;
        var offWatts = ExpectedWatts(parameters, 0);
        if (level > 0 && measuredWatts <= offWatts + SlackWatts(parameters, 0))
            return StreetlightStatus.ColumnIssue;
        return StreetlightStatus.DefectiveLamp;
    }

    /// <summary>Lit when set above zero, or when drawing clearly more than the off state.</summary>
    public static bool IsLit(StreetlightParameters parameters, double level, double watts) =>
        level > 0 || watts > ExpectedWatts(parameters, 0) + SlackWatts(parameters, 0);
}
