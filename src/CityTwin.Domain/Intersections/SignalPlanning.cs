namespace CityTwin.Domain.Intersections;

/// <summary>Effective green of one phase.</summary>
/// <param name="FlowRatio">The phase's critical flow ratio y = q/s (its most loaded approach).</param>
public sealed record PhaseGreen(int Phase, int GreenSeconds, double FlowRatio);

/// <summary>A fixed-time signal plan. Greens are effective greens; they and the lost times add up to the cycle.</summary>
/// <param name="FlowRatioSum">Y, the sum of the phases' critical flow ratios.</param>
/// <param name="Oversaturated">Y ≥ 1: demand exceeds what any cycle can serve.</param>
public sealed record SignalPlan(int CycleSeconds, IReadOnlyList<PhaseGreen> Phases, double FlowRatioSum, bool Oversaturated)
{
    public static SignalPlan None { get; } = new(0, [], 0, false);
}

/// <summary>
/// Webster's method (Webster 1958, Road Research Technical Paper 39): the delay-minimising cycle is
/// C0 = (1.5 L + 5) / (1 − Y), where L is the lost time per cycle and Y the sum of the phases' critical flow
/// ratios y = q/s, and the effective green C − L is split in proportion to y. The cycle is bounded by the
/// provisioned limits and raised if needed so that every phase gets its minimum green; phases whose share
/// would fall short get the minimum and the rest is shared by y among the others. With Y ≥ 1 the formula has
/// no answer and the intersection runs the maximum cycle; with no demand, equal greens at the shortest cycle.
/// Each phase serves the approaches provisioned with its number; its y is that of its most loaded approach.
/// Demand is the measured flow, so while queues spill back it understates the true demand.
/// </summary>
public static class SignalPlanning
{
    /// <summary>A new plan is only worth sending to the controller if it moves the cycle or a green this much.</summary>
    public const int CycleToleranceSeconds = 5;
    public const int GreenToleranceSeconds = 3;

    /// <param name="demand">Flow in veh/h per approach, in provisioning order.</param>
    public static SignalPlan Plan(IntersectionParameters parameters, IReadOnlyList<double> demand)
    {
        if (demand.Count != parameters.Approaches.Count)
            throw new ArgumentException($"{demand.Count} demands for {parameters.Approaches.Count} approaches", nameof(demand));

        var phases = IntersectionParametersRules.Phases(parameters);
        var ratios = phases
            .Select(phase => phase.Approaches.Max(i =>
                Math.Max(0, demand[i]) / IntersectionParametersRules.SaturationFlow(parameters.Approaches[i])))
            .ToArray();
        var sum = ratios.Sum();
        var lostTime = phases.Count * parameters.LostTimePerPhaseSeconds;
        var shortest = Math.Max(parameters.MinCycleSeconds, lostTime + phases.Count * parameters.MinGreenSeconds);

        var cycle = sum <= 0 ? shortest
            : sum >= 1 ? parameters.MaxCycleSeconds
            : (int)Math.Round(Math.Clamp((1.5 * lostTime + 5) / (1 - sum), shortest, parameters.MaxCycleSeconds));
        var greens = Split(cycle - lostTime, ratios, parameters.MinGreenSeconds);

        return new SignalPlan(
            cycle,
            phases.Select((phase, k) => new PhaseGreen(phase.Phase, greens[k], Math.Round(ratios[k], 3))).ToArray(),
            Math.Round(sum, 3),
            sum >= 1);
    }

    /// <summary>Whether <paramref name="candidate"/> differs from <paramref name="current"/> enough to replace it.</summary>
    public static bool DiffersMaterially(SignalPlan current, SignalPlan candidate) =>
        current.Phases.Count != candidate.Phases.Count
        || Math.Abs(current.CycleSeconds - candidate.CycleSeconds) >= CycleToleranceSeconds
        || current.Phases.Zip(candidate.Phases).Any(p =>
            p.First.Phase != p.Second.Phase || Math.Abs(p.First.GreenSeconds - p.Second.GreenSeconds) >= GreenToleranceSeconds);

    /// <summary>Whole seconds of green per phase: by flow ratio, none below the minimum, summing to <paramref name="green"/>.</summary>
    private static int[] Split(int green, double[] ratios, int minGreen)
    {
        var n = ratios.Length;
        var shares = new double[n];
        var atMinimum = new bool[n];
        while (true)
        {
            var free = Enumerable.Range(0, n).Where(k => !atMinimum[k]).ToArray();
            var freeGreen = green - (n - free.Length) * minGreen;
            var freeRatios = free.Sum(k => ratios[k]);
            foreach (var k in free)
                shares[k] = freeRatios > 0 ? freeGreen * ratios[k] / freeRatios : (double)freeGreen / free.Length;

            // The cycle holds every minimum green, so at least one free phase always stays above it.
            var starved = free.Where(k => shares[k] < minGreen).ToArray();
            if (starved.Length == 0)
                break;
            foreach (var k in starved)
            {
                atMinimum[k] = true;
                shares[k] = minGreen;
            }
        }

        // Largest remainder: floors keep every minimum (an integer), the spare seconds go to the largest fractions.
        var greens = shares.Select(s => (int)Math.Floor(s)).ToArray();
        var spare = green - greens.Sum();
        foreach (var k in Enumerable.Range(0, n).OrderByDescending(k => shares[k] - greens[k]).ThenBy(k => k).Take(spare))
            greens[k]++;
        return greens;
    }
}
