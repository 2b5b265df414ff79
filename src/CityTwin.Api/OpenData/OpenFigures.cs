using CityTwin.Contracts.Districts;

namespace CityTwin.Api.OpenData;

/// <summary>
/// The open figures of an area (a district or a grid cell). A kind's figures are given only when at least k assets
/// of that kind stand behind them (null otherwise), so no figure describes a single device.
/// </summary>
/// <param name="BinServiceLevel">Share of bins not overflowing (not in the top fill quarter), 0..1.</param>
/// <param name="LightsWorking">Share of streetlights working, 0..1.</param>
/// <param name="CongestionIndex">Mean congestion of the intersections, 0 (free) .. 1 (gridlock).</param>
/// <param name="AirQualityIndex">Mean European Air Quality Index, 1 (good) .. 6 (extremely poor).</param>
/// <param name="AirQualityLevel">The worst level among the sensors: good .. extremelyPoor.</param>
public sealed record OpenFigures(
    int Bins, double? BinServiceLevel,
    int Lights, double? LightsWorking,
    int Intersections, double? CongestionIndex,
    int AirQualitySensors, double? AirQualityIndex, string? AirQualityLevel)
{
    private static readonly string[] AirLevels = ["good", "fair", "moderate", "poor", "veryPoor", "extremelyPoor"];

    /// <summary>Publishable figures of one cell: kinds with fewer than <paramref name="k"/> assets are blanked.</summary>
    public static OpenFigures Of(CellAggregate cell, int k) => Of([cell], k);

    /// <summary>
    /// The figures of several cells together (a district from its cells, asked with k = 1): counts add up, means
    /// are weighted by each cell's assets of the kind; kinds with fewer than <paramref name="k"/> assets are blanked.
    /// </summary>
    public static OpenFigures Of(IReadOnlyCollection<CellAggregate> cells, int k)
    {
        var bins = cells.Sum(c => c.Bins);
        var lights = cells.Sum(c => c.Lights);
        var intersections = cells.Sum(c => c.Intersections);
        var air = cells.Sum(c => c.AirQualitySensors);
        var worst = cells.Select(c => Array.IndexOf(AirLevels, c.AirQualityLevel)).DefaultIfEmpty(-1).Max();
        return new(
            bins, bins >= k ? Weighted(cells, c => c.Bins, c => c.BinServiceLevel) : null,
            lights, lights >= k ? cells.Sum(c => c.LightsWorking) / (double)lights : null,
            intersections, intersections >= k ? Weighted(cells, c => c.Intersections, c => c.CongestionIndex) : null,
            air, air >= k ? Weighted(cells, c => c.AirQualitySensors, c => c.AirQualityIndex) : null,
            air >= k && worst >= 0 ? AirLevels[worst] : null);
    }

    private static double? Weighted(IEnumerable<CellAggregate> cells, Func<CellAggregate, int> count, Func<CellAggregate, double?> mean)
    {
        double sum = 0, weight = 0;
        foreach (var cell in cells)
        {
            if (mean(cell) is { } value)
            {
                sum += value * count(cell);
                weight += count(cell);
            }
        }
        return weight > 0 ? Math.Round(sum / weight, 4) : null;
    }
}
