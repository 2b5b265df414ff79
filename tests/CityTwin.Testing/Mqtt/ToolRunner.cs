using System.Diagnostics;
using System.Text;

namespace CityTwin.Testing.Mqtt;

/// <summary>What a command-line tool did: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() =>
        $"exit {ExitCode}{(TimedOut ? " (timed out, killed)" : "")}; stdout: {StandardOutput.Trim()}; stderr: {StandardError.Trim()}";
}

/// <summary>Runs a tool to its end or its timeout (then kills it), feeding stdin and collecting output.</summary>
public static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, string? standardInput = null)
    {
        using var process = Start(file, arguments, redirectInput: standardInput is not null);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr, timedOut);
    }

    /// <summary>Runs a tool and throws, naming it and its output, unless it exits 0.</summary>
    public static async Task RunCheckedAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var result = await RunAsync(file, arguments, timeout);
        if (result.ExitCode != 0 || result.TimedOut)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: {result}");
    }

    internal static Process Start(string file, IEnumerable<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
    }
}
