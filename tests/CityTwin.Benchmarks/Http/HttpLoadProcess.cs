using System.Diagnostics;
using System.Text.Json;
using CityTwin.Benchmarks.Framework;
using CityTwin.Testing;

namespace CityTwin.Benchmarks.Http;

/// <summary>What the host (this process) spent over the load generator's window.</summary>
/// <param name="LoadAverage">The machine's 1-minute load average when the window ended (Linux), to say whether other work shared the cores.</param>
internal sealed record HostCost(double CpuMs, long AllocatedBytes, int Gen0, int Gen1, int Gen2, double? LoadAverage = null)
{
    public static HostCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime.TotalMilliseconds, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public HostCost Since(HostCost start) =>
        new(CpuMs - start.CpuMs, AllocatedBytes - start.AllocatedBytes, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, OneMinuteLoadAverage());

    private static double? OneMinuteLoadAverage() =>
        File.Exists("/proc/loadavg")
        && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}

/// <summary>
/// Starts the load generator (<see cref="HttpLoadClient"/>) as a child process of this executable and measures
/// the host's own CPU and allocations while the child's window runs.
/// </summary>
internal static class HttpLoadProcess
{
    public static async Task<(HttpLoadResult Load, HostCost Host)> RunAsync(HttpLoadPlan plan, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory("citytwin-http-load");
        var planFile = directory.Combine("plan.json");
        await File.WriteAllLinesAsync(directory.Combine("paths.txt"), paths, cancellationToken);
        await File.WriteAllTextAsync(planFile, JsonSerializer.Serialize(plan with { PathsFile = directory.Combine("paths.txt") }), cancellationToken);

        var start = BenchmarkProcess.StartInfo([HttpLoadClient.Command, planFile]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The child's own GC heap stays small: workstation, non-concurrent, so it takes no background GC thread's CPU.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        // Idle thread-pool threads spin before they sleep; on 2 cores that spinning is taken from the host.
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        // A response's continuation (note the latency, take the next due request, send it) runs on the socket
        // engine's thread instead of hopping to a pool thread.
        start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";

        using var child = Process.Start(start) ?? throw new InvalidOperationException("the load generator did not start");
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        HostCost? atStart = null;
        HostCost? cost = null;
        HttpLoadResult? result = null;
        try
        {
            while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == HttpLoadClient.WindowStart)
                    atStart = HostCost.Now();
                else if (line == HttpLoadClient.WindowEnd && atStart is not null)
                    cost = HostCost.Now().Since(atStart);
                else if (line.StartsWith(HttpLoadClient.ResultPrefix, StringComparison.Ordinal))
                    result = JsonSerializer.Deserialize<HttpLoadResult>(line[HttpLoadClient.ResultPrefix.Length..]);
            }
            await child.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!child.HasExited)
                child.Kill(entireProcessTree: true);
        }
        if (result is null || cost is null)
            throw new InvalidOperationException($"the load generator exited with {child.ExitCode} without a result: {await errors}");
        return (result, cost);
    }
}
