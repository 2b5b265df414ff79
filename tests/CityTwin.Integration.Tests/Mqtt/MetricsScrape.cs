using System.Globalization;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>
/// Reads a counter from the host's Prometheus /metrics: the sum of its series carrying a label. The exporter
/// caches a scrape for a moment (300 ms by default), so a count read before an action may be a little old:
/// tests compare "at least one more", not "exactly one more".
/// </summary>
public static class MetricsScrape
{
    public static async Task<double> SumAsync(HttpClient http, string name, string label)
    {
        var text = await http.GetStringAsync("/metrics");
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }
        return total;
    }
}
