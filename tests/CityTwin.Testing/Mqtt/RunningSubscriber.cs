using System.Diagnostics;
using System.Text;

namespace CityTwin.Testing.Mqtt;

/// <summary>
/// A long-running mosquitto_sub (with -d, so its packets are printed). Started once its SUBACK arrived;
/// tells when it exits, e.g. because the broker cut it off.
/// </summary>
public sealed class RunningSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan SubscribeTimeout = TimeSpan.FromSeconds(10);
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningSubscriber(Process process) => this.process = process;

    public string StandardOutput { get { lock (stdout) return stdout.ToString(); } }

    public string StandardError { get { lock (stderr) return stderr.ToString(); } }

    public bool HasExited => process.HasExited;

    internal static async Task<RunningSubscriber> StartAsync(MosquittoClientOptions options, string topic)
    {
        // Without a terminal, mosquitto_sub's output is block-buffered: stdbuf makes it line-buffered.
        var subscriber = new RunningSubscriber(ToolRunner.Start("stdbuf", ["-oL", "-eL", "mosquitto_sub", .. options.Arguments(), "-t", topic, "-v", "-d"]));
        subscriber.Pump();
        var exited = subscriber.process.WaitForExitAsync();
        var first = await Task.WhenAny(subscriber.subscribed.Task, exited, Task.Delay(SubscribeTimeout));
        if (first != subscriber.subscribed.Task)
        {
            await subscriber.DisposeAsync();
            throw new InvalidOperationException($"mosquitto_sub did not subscribe to {topic}: {subscriber.StandardOutput}{subscriber.StandardError}");
        }
        return subscriber;
    }

    /// <summary>True once <paramref name="text"/> appears in the subscriber's output (with -v a message prints as "topic payload").</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Waits for the tool to exit; null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<ToolResult?> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException) { return null; }
        return new ToolResult(process.ExitCode, StandardOutput, StandardError, TimedOut: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Pump()
    {
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.AppendLine(e.Data);
            if (e.Data.Contains("received SUBACK", StringComparison.Ordinal)) subscribed.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
