namespace CityTwin.Domain.Intersections;

/// <summary>How congested an approach or intersection is, from best to worst.</summary>
public enum CongestionLevel
{
    Free,
    Moderate,
    Heavy,
    Gridlock,
}

/// <summary>
/// Classifies an approach from two independent pieces of detector evidence and takes the worse:
/// <list type="bullet">
/// <item>Speed against free flow, after the Highway Capacity Manual's urban-street level of service, which grades
/// travel speed as a share of base free-flow speed (A &gt; 85 %, B &gt; 67 %, C &gt; 50 %, D &gt; 40 %,
/// E &gt; 30 %, F ≤ 30 %; HCM 2010, urban street facilities). We merge A–B into free, C–D into moderate,
/// E into heavy and F into gridlock.</item>
/// <item>Detector occupancy, the classic loop-detector congestion measure: flow turns congested near a critical
/// occupancy of about 20 % (Hall, Allen and Gunter 1986, flow–occupancy relationships). Above 35 % we call it
/// heavy and from 60 %, where queues stand over the detector most of the time, gridlock; those two
/// thresholds are our choice, to be calibrated per city.</item>
/// </list>
/// A speed is the mean of the vehicles that passed, so with no vehicles it carries no information: zero
/// intensity with zero speed is an empty road, not a jam. A standstill still shows, as high occupancy.
/// Queue length and incidents are reported separately and do not enter the level.
/// </summary>
public static class CongestionModel
{
    /// <summary>Speed-to-free-flow ratios at or below which moderate, heavy and gridlock begin.</summary>
    public const double ModerateSpeedRatio = 0.67;
    public const double HeavySpeedRatio = 0.40;
    public const double GridlockSpeedRatio = 0.30;

    /// <summary>Occupancies at or above which moderate, heavy and gridlock begin.</summary>
    public const double ModerateOccupancy = 0.20;
    public const double HeavyOccupancy = 0.35;
    public const double GridlockOccupancy = 0.60;

    /// <summary>
    /// A level is only left for a better one once the evidence is this far on the good side of the threshold,
    /// so a value hovering at a threshold does not flap.
    /// </summary>
    public const double SpeedRatioHysteresis = 0.05;
    public const double OccupancyHysteresis = 0.05;

    /// <summary>The level from the evidence alone, with no memory.</summary>
    public static CongestionLevel Classify(double intensity, double occupancy, double speedKmh, double freeFlowSpeedKmh) =>
        Classify(intensity, occupancy, speedKmh, freeFlowSpeedKmh, margin: 0);

    /// <summary>
    /// The level given the previous one: worsening takes effect at the thresholds, improving only past them by
    /// the hysteresis margins, and never further than the evidence supports.
    /// </summary>
    public static CongestionLevel Classify(
        double intensity, double occupancy, double speedKmh, double freeFlowSpeedKmh, CongestionLevel previous)
    {
        var level = Classify(intensity, occupancy, speedKmh, freeFlowSpeedKmh);
        if (level >= previous)
            return level;
        var sticky = Classify(intensity, occupancy, speedKmh, freeFlowSpeedKmh, margin: 1);
        return sticky < previous ? sticky : previous;
    }

    /// <summary>The worst of the given levels; free when there are none.</summary>
    public static CongestionLevel Worst(IEnumerable<CongestionLevel> levels) =>
        levels.DefaultIfEmpty(CongestionLevel.Free).Max();

    /// <param name="margin">0 for the plain thresholds, 1 to demand the hysteresis margins before calling it better.</param>
    private static CongestionLevel Classify(double intensity, double occupancy, double speedKmh, double freeFlowSpeedKmh, int margin)
    {
        var occupied = occupancy + margin * OccupancyHysteresis;
        var byOccupancy = occupied >= GridlockOccupancy ? CongestionLevel.Gridlock
            : occupied >= HeavyOccupancy ? CongestionLevel.Heavy
            : occupied >= ModerateOccupancy ? CongestionLevel.Moderate
            : CongestionLevel.Free;
        if (intensity <= 0)
            return byOccupancy;

        var ratio = speedKmh / freeFlowSpeedKmh - margin * SpeedRatioHysteresis;
        var bySpeed = ratio <= GridlockSpeedRatio ? CongestionLevel.Gridlock
            : ratio <= HeavySpeedRatio ? CongestionLevel.Heavy
            : ratio <= ModerateSpeedRatio ? CongestionLevel.Moderate
            : CongestionLevel.Free;
        return bySpeed > byOccupancy ? bySpeed : byOccupancy;
    }
}
