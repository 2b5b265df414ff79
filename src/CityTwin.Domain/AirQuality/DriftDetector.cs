namespace CityTwin.Domain.AirQuality;

/// <summary>
/// Decides whether a sensor drifts by comparing its hourly means with its neighbours' for the same hours.
/// Per hour, the neighbours' median stands for the air around the sensor (one bad neighbour among three or
/// more cannot drag a median); over the hours, medians of the ratio and the difference to it describe the
/// drift, so a few odd hours (a bonfire next to one sensor) do not either.
/// </summary>
public static class DriftDetector
{
    /// <summary>Added to both sides of the ratio so that near-zero concentrations do not divide by zero.</summary>
    public const double RatioOffset = 1;

    /// <param name="own">This sensor's hourly means, oldest first; NaN where missing.</param>
    /// <param name="neighbours">Each neighbour's hourly means aligned on the same hours; NaN, or a shorter series, where missing.</param>
    /// <param name="currentlySuspect">The verdict so far, which decides whether the raise or the clear limits apply.</param>
    /// <param name="criteria">Limits, e.g. <see cref="DriftCriteria.For(Pollutant)"/>.</param>
    public static DriftAssessment Assess(
        IReadOnlyList<float> own, IReadOnlyList<IReadOnlyList<float>> neighbours, bool currentlySuspect, DriftCriteria criteria)
    {
        var differences = new List<double>();
        var ratios = new List<double>();
        var around = new List<double>(neighbours.Count);
        for (var hour = 0; hour < own.Count; hour++)
        {
            if (!float.IsFinite(own[hour]))
                continue;
            around.Clear();
            foreach (var neighbour in neighbours)
            {
                if (hour < neighbour.Count && float.IsFinite(neighbour[hour]))
                    around.Add(neighbour[hour]);
            }
            if (around.Count < criteria.MinNeighbours)
                continue;
            var reference = Median(around);
            differences.Add(own[hour] - reference);
            ratios.Add((own[hour] + RatioOffset) / (reference + RatioOffset));
        }

        if (differences.Count < criteria.MinCommonHours)
            return new DriftAssessment(differences.Count, null, null, currentlySuspect, Conclusive: false);

        var ratio = Median(ratios);
        var difference = Median(differences);
        var suspect = currentlySuspect
            ? Beyond(ratio, difference, criteria.ClearRatio, criteria.MinDifference / 2)
            : Beyond(ratio, difference, criteria.RaiseRatio, criteria.MinDifference);
        return new DriftAssessment(differences.Count, ratio, difference, suspect, Conclusive: true);
    }

    private static bool Beyond(double ratio, double difference, double ratioLimit, double differenceLimit) =>
        Math.Abs(difference) > differenceLimit && (ratio > ratioLimit || ratio < 1 / ratioLimit);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
