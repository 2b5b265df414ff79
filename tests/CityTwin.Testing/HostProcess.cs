using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CityTwin.Testing;

/// <summary>
/// The published CityTwin host run as its own process (<c>dotnet CityTwin.Host.dll</c>), as an
/// operator runs it: from a working directory of the test's choosing, configured by arguments and
/// environment. Output is kept for assertions; stop is SIGTERM, kill is SIGKILL.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri httpUrl)
    {
        this.process = process;
        HttpUrl = httpUrl;
    }

    public Uri HttpUrl { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the host; <paramref name="httpPort"/> is passed as Http:Url unless the arguments set one.</summary>
    public static HostProcess Start(string workingDirectory, IEnumerable<string> arguments, int httpPort, IDictionary<string, string>? environment = null)
    {
        var args = arguments.ToList();
        if (!args.Any(a => a.StartsWith("--Http:Url", StringComparison.Ordinal)))
            args.Add($"--Http:Url=http://127.0.0.1:{httpPort}");
        // Parallel hosts (and a Mosquitto the machine may run on 1883) must not meet on the MQTT port.
        if (!args.Any(a => a.StartsWith("--Mqtt:", StringComparison.Ordinal)))
            args.Add($"--Mqtt:Port={FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(PublishedHost.DllPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs the host with arguments that make it do one job and exit (or fail at start).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(PublishedHost.DllPath);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the host did not exit: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until /health/ready answers 200; fails early if the process exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the host exited with {process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(HttpUrl, "/health/ready"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the host was not ready in time:\n{Output}");
    }

    /// <summary>Graceful stop (SIGTERM), as a service manager stops it.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (process.HasExited) return;
        _ = kill(process.Id, Sigterm);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
    }

    /// <summary>Abrupt death (SIGKILL): nothing is flushed, nothing says goodbye.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { await StopAsync(TimeSpan.FromSeconds(20)); }
            catch (OperationCanceledException) { await KillAsync(); }
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
