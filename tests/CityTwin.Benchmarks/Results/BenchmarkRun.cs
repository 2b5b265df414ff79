using System.Globalization;
using System.Security.Cryptography;

namespace CityTwin.Benchmarks.Results;

/// <summary>One invocation of the runner: its id (UTC start time plus 4 hex digits) and its date.</summary>
public sealed record BenchmarkRun(string Id, string Date)
{
    public static BenchmarkRun StartingNow()
    {
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // The suffix tells apart two runs started within one second.
        return new BenchmarkRun($"{date}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}", date);
    }
}
