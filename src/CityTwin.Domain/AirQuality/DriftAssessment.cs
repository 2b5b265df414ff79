namespace CityTwin.Domain.AirQuality;

/// <summary>The result of comparing a sensor with its neighbours.</summary>
/// <param name="CommonHours">Hours in which this sensor and enough neighbours had values.</param>
/// <param name="MedianRatio">Median over those hours of (own + 1) / (neighbours' median + 1).</param>
/// <param name="MedianDifference">Median over those hours of own − neighbours' median, µg/m³.</param>
/// <param name="Suspect">The sensor drifts; when inconclusive, the suspicion it had before.</param>
/// <param name="Conclusive">There were enough common hours to judge.</param>
public sealed record DriftAssessment(
    int CommonHours,
    double? MedianRatio,
    double? MedianDifference,
    bool Suspect,
    bool Conclusive);
