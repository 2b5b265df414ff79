using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CityTwin.Benchmarks.Framework;

/// <summary>This executable started again as a child process: a benchmark of its own, or the HTTP load generator.</summary>
internal static class BenchmarkProcess
{
    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>How to start this executable with <paramref name="arguments"/> (the caller adds redirection and environment).</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no path to this executable");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        // Run with `dotnet CityTwin.Benchmarks.dll`: the child needs the assembly path too.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(BenchmarkProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs this executable again, sharing this console, and waits for it.</summary>
    /// <returns>The child's exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = StartInfo(arguments);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        // Cancelled here (Ctrl+C reaches the child too when it comes from the terminal): ask the child to stop the
        // way Ctrl+C does, so that it stops the servers it started and removes its directories, and wait for it.
        await using var forward = cancellationToken.Register(() =>
        {
            if (OperatingSystem.IsWindows())
                child.Kill(entireProcessTree: true);
            else
                _ = Kill(child.Id, SigInt);
        });
        await child.WaitForExitAsync(CancellationToken.None);
        return child.ExitCode;
    }
}
