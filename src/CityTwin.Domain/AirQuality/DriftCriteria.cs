namespace CityTwin.Domain.AirQuality;

/// <summary>
/// When a sensor counts as drifting against its neighbours.
/// <para>
/// The ratio limit of 1.5 is the 50 % uncertainty the EU allows indicative PM measurements
/// (Directive 2008/50/EC, Annex I, data quality objectives): a sensor further than that from its neighbours'
/// median, hour after hour, no longer measures the air around it. The same limit is used for the gases,
/// whose allowed 25-30 % is narrower than the natural difference between a kerbside and a park sensor.
/// Small absolute differences are ignored, because in clean air a ratio of 2 is a few µg/m³.
/// </para>
/// </summary>
/// <param name="MinCommonHours">Hours with both this sensor and enough neighbours needed for a verdict.</param>
/// <param name="MinNeighbours">Neighbours needed in an hour; with three, one bad neighbour cannot move the median far.</param>
/// <param name="RaiseRatio">A median ratio beyond this (or below its inverse) raises the suspicion...</param>
/// <param name="ClearRatio">...which clears once the ratio is back within this, so a borderline sensor does not flap.</param>
/// <param name="MinDifference">Median difference, µg/m³, below which no suspicion is raised; half of it clears one.</param>
public sealed record DriftCriteria(
    int MinCommonHours = 12,
    int MinNeighbours = 3,
    double RaiseRatio = 1.5,
    double ClearRatio = 1.25,
    double MinDifference = 5)
{
    /// <summary>
    /// Defaults with a difference floor in the range of a low-cost sensor's uncertainty at ambient levels:
    /// 5 µg/m³ for PM2.5, 10 µg/m³ for PM10, NO2 and O3.
    /// </summary>
    public static DriftCriteria For(Pollutant pollutant) =>
        new(MinDifference: pollutant == Pollutant.Pm25 ? 5 : 10);
}
