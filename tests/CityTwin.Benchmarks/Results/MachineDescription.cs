using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace CityTwin.Benchmarks.Results;

/// <summary>The machine a run measured on, as the results file records it.</summary>
public sealed record MachineDescription(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("memoryGiB")] int MemoryGiB,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("dotnet")] string Dotnet)
{
    private const double BytesPerGiB = 1024.0 * 1024 * 1024;

    public static MachineDescription Current() => new(
        Environment.ProcessorCount,
        (int)Math.Round(TotalMemoryBytes() / BytesPerGiB),
        OperatingSystemName(),
        Environment.Version.ToString());

    /// <summary>Physical memory from /proc/meminfo; elsewhere what the GC may use.</summary>
    private static long TotalMemoryBytes()
    {
        const string meminfo = "/proc/meminfo";
        var total = File.Exists(meminfo)
            ? File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        // The line reads "MemTotal:       24590484 kB".
        return total is not null
            ? long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>The distribution's name ("Debian GNU/Linux 12 (bookworm)") rather than the kernel's.</summary>
    private static string OperatingSystemName()
    {
        const string osRelease = "/etc/os-release";
        var pretty = File.Exists(osRelease)
            ? File.ReadLines(osRelease).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return pretty is not null
            ? pretty["PRETTY_NAME=".Length..].Trim('"')
            : RuntimeInformation.OSDescription;
    }
}
