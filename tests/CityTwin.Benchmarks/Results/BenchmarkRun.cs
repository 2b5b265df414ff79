using System.Globalization;
using System.Security.Cryptography;

namespace CityTwin.Benchmarks.Results;

/// <summary>One invocation of the runner: its id (UTC start time plus 4 hex digits) and its date.</summary>
public sealed record BenchmarkRun(string Id, string Date)
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The run a parent process started (its id carries its date).</summary>
    public static BenchmarkRun Of(string id)
    {
        var suffix = id.LastIndexOf('-');
        if (suffix <= 0 || !DateTime.TryParseExact(id[..suffix], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new ArgumentException($"'{id}' is not a run id (UTC time, a dash and 4 hex digits)", nameof(id));
        return new BenchmarkRun(id, id[..suffix]);
    }

    public static BenchmarkRun StartingNow()
    {
        var date = DateTime.UtcNow.ToString(DateFormat, CultureInfo.InvariantCulture);
        // The suffix tells apart two runs started within one second.
        return new BenchmarkRun($"{date}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}", date);
    }
}
