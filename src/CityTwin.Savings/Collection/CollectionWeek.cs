using CityTwin.Domain.Collection;

namespace CityTwin.Savings.Collection;

/// <summary>
/// One strategy's measured week: rounds and lifts, distance, truck time and cost, overflowing bin-hours on the
/// true levels, and what was collected.
/// </summary>
/// <param name="OverflowBinHours">Hours bins spent at or over a true level of 1.0, summed over bins.</param>
/// <param name="MeanTrueLevelAtLift">The true level of a lifted bin, on average: how full the trucks found them.</param>
/// <param name="MeanTrueLevelAtEnd">The true level of all bins when the week ends: a strategy leaving fuller bins behind owes the next week.</param>
/// <param name="RoundsHitTimeLimit">Rounds whose plan the time limit stopped (nearly all, with guided local search).</param>
public sealed record CollectionWeek(
    string Strategy,
    int Rounds,
    int Lifts,
    double Kilometres,
    double TruckHours,
    CollectionCost Cost,
    double OverflowBinHours,
    int BinsOverflowing,
    double MeanTrueLevelAtLift,
    double MeanTrueLevelAtEnd,
    double LongestRouteHours,
    int RoundsHitTimeLimit);

/// <summary>Adds up a week's rounds and the true levels they left.</summary>
internal sealed class WeekTally(string strategy)
{
    private readonly List<double> levelsAtLift = [];
    private double kilometres, truckHours, longest;
    private int rounds, lifts, hitLimit;

    /// <summary>The true level of a bin as a truck lifted it.</summary>
    public void Lifted(double trueLevel) => levelsAtLift.Add(trueLevel);

    public void Add(RoundOutcome round)
    {
        if (round.Lifts == 0)
            return;
        rounds++;
        lifts += round.Lifts;
        kilometres += round.Kilometres;
        truckHours += round.TruckHours;
        longest = Math.Max(longest, round.LongestRouteHours);
        hitLimit += round.HitTimeLimit ? 1 : 0;
    }

    public CollectionWeek Close(CollectionCostModel model, IReadOnlyList<double> overflowHoursPerBin, double meanLevelAtEnd) => new(
        strategy, rounds, lifts, kilometres, truckHours, model.Cost(kilometres, truckHours, lifts),
        overflowHoursPerBin.Sum(), overflowHoursPerBin.Count(h => h > 0),
        levelsAtLift.Count > 0 ? levelsAtLift.Average() : 0, meanLevelAtEnd, longest, hitLimit);
}
