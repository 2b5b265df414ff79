using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CityTwin.Benchmarks.Http;

/// <summary>What the load generator was asked to do (passed from the benchmark to its child process).</summary>
/// <param name="PathsFile">One request path per line; each request takes one at random (fixed seed).</param>
/// <param name="Connections">Keep-alive connections; a request waits for a free one, its latency still counts from its scheduled time.</param>
internal sealed record HttpLoadPlan(
    string Host, int Port, string ApiKey, string PathsFile, int Rate, double WarmUpSeconds, double WindowSeconds, int Connections, double TimeoutSeconds);

/// <summary>What the load generator measured over the window (warm-up left out).</summary>
/// <param name="Errors">Non-2xx answers, broken connections and requests unanswered at the timeout (counted at their latency so far).</param>
/// <param name="DispatchLagP99Ms">How late the schedule handed requests to connections (the pacer's own lateness; part of every latency).</param>
/// <param name="ClientCpuMs">The load generator process's CPU time over the window.</param>
internal sealed record HttpLoadResult(
    int Count, int Errors, double P50Ms, double P99Ms, double P999Ms, double MaxMs, double DispatchLagP99Ms, double ClientCpuMs, double WindowSeconds);

/// <summary>
/// The load generator, run as a child process of the benchmark (<c>CityTwin.Benchmarks http-load PLAN.json</c>) so
/// that its CPU, allocations and GC pauses are not the host's. Open loop: request i is due at start + i / rate,
/// whatever happened to earlier ones; one pacer thread hands due requests to a bounded set of connections (no task
/// per request), and latency runs from the due time to the last byte of the answer, so a request that waited for a
/// late pacer, a busy connection or a slow host counts all of that (no coordinated omission). Prints
/// <c>window-start</c> and <c>window-end</c> as the measured requests start and end, then <c>result {json}</c>.
/// </summary>
internal static class HttpLoadClient
{
    public const string Command = "http-load";
    public const string WindowStart = "window-start";
    public const string WindowEnd = "window-end";
    public const string ResultPrefix = "result ";

    public static async Task<int> RunAsync(string planFile)
    {
        var plan = JsonSerializer.Deserialize<HttpLoadPlan>(await File.ReadAllTextAsync(planFile))
            ?? throw new InvalidDataException($"{planFile}: no plan");
        var result = await MeasureAsync(plan);
        Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        Console.Out.Flush();
        return 0;
    }

    private static async Task<HttpLoadResult> MeasureAsync(HttpLoadPlan plan)
    {
        var requests = File.ReadAllLines(plan.PathsFile)
            .Where(line => line.Length > 0)
            .Select(path => Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {plan.Host}:{plan.Port}\r\nX-Api-Key: {plan.ApiKey}\r\n\r\n"))
            .ToArray();
        var warmUp = (int)(plan.WarmUpSeconds * plan.Rate);
        var total = warmUp + (int)(plan.WindowSeconds * plan.Rate);
        var random = new Random(7);
        var chosen = Enumerable.Range(0, total).Select(_ => random.Next(requests.Length)).ToArray();
        var ticksPerRequest = Stopwatch.Frequency / (double)plan.Rate;
        var latencyTicks = new long[total];
        var lagTicks = new long[total];
        var answered = new bool[total];
        var failed = new bool[total];
        // An idle connection sends a due request on the pacer's thread (one wake-up fewer per request).
        var queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleWriter = true, AllowSynchronousContinuations = true });
        // A little ahead, so connections are open before the first request is due.
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
        long Due(int i) => start + (long)(i * ticksPerRequest);

        var endpoint = new IPEndPoint(IPAddress.Parse(plan.Host), plan.Port);
        using var stop = new CancellationTokenSource();
        var connections = Enumerable.Range(0, plan.Connections).Select(_ => Task.Run(async () =>
        {
            using var connection = new RawHttpConnection(endpoint);
            await foreach (var i in queue.Reader.ReadAllAsync(stop.Token))
            {
                bool ok;
                try
                {
                    var status = await connection.GetAsync(requests[chosen[i]], stop.Token);
                    ok = status is >= 200 and < 300;
                }
                catch (IOException)
                {
                    ok = false;
                }
                latencyTicks[i] = Stopwatch.GetTimestamp() - Due(i);
                failed[i] = !ok;
                Volatile.Write(ref answered[i], true);
            }
        })).ToArray();

        var cpuAtWindowStart = TimeSpan.Zero;
        var pacer = new Thread(() =>
        {
            SleepPrecisely.Prepare();
            for (var i = 0; i < total; i++)
            {
                var due = Due(i);
                SleepPrecisely.Until(due);
                if (i == warmUp)
                {
                    cpuAtWindowStart = Process.GetCurrentProcess().TotalProcessorTime;
                    Console.Out.WriteLine(WindowStart);
                    Console.Out.Flush();
                }
                lagTicks[i] = Stopwatch.GetTimestamp() - due;
                queue.Writer.TryWrite(i);
            }
            queue.Writer.Complete();
        }) { IsBackground = true, Name = "load pacer", Priority = ThreadPriority.Highest };
        pacer.Start();
        pacer.Join();

        var all = Task.WhenAll(connections);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(plan.TimeoutSeconds)));
        var stopped = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtWindowStart;
        Console.Out.WriteLine(WindowEnd);
        Console.Out.Flush();
        stop.Cancel();
        try
        {
            await all;
        }
        catch (OperationCanceledException)
        {
        }

        var measured = Enumerable.Range(warmUp, total - warmUp).ToArray();
        if (Environment.GetEnvironmentVariable("CITYTWIN_HTTP_LATENCY_DUMP") is { } dump)
            File.WriteAllLines($"{dump}.{plan.Rate}", measured.Select(i => string.Create(CultureInfo.InvariantCulture,
                $"{(Due(i) - start) * 1000.0 / Stopwatch.Frequency:0.000} {latencyTicks[i] * 1000.0 / Stopwatch.Frequency:0.000} {lagTicks[i] * 1000.0 / Stopwatch.Frequency:0.000}")));
        // Unanswered at the timeout: an error, counted at the latency it had reached (a lower bound).
        var latenciesMs = measured
            .Select(i => Volatile.Read(ref answered[i]) ? latencyTicks[i] : stopped - Due(i))
            .Select(ticks => ticks * 1000.0 / Stopwatch.Frequency)
            .Order()
            .ToArray();
        var lagsMs = measured.Select(i => lagTicks[i] * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var errors = measured.Count(i => !Volatile.Read(ref answered[i]) || failed[i]);
        return new HttpLoadResult(
            latenciesMs.Length, errors,
            Percentile(latenciesMs, 0.5), Percentile(latenciesMs, 0.99), Percentile(latenciesMs, 0.999), latenciesMs[^1],
            Percentile(lagsMs, 0.99), cpu.TotalMilliseconds, plan.WindowSeconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>
    /// Sleeps to a Stopwatch timestamp with sub-millisecond precision: Thread.Sleep and timers round to whole
    /// milliseconds, which at 5,000 requests/s would make every request up to a millisecond late.
    /// </summary>
    private static class SleepPrecisely
    {
        private const int SetTimerSlack = 29; // PR_SET_TIMERSLACK

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "nanosleep")]
        private static extern int NanoSleep(ref TimeSpec request, IntPtr remaining);

        [DllImport("libc", EntryPoint = "prctl")]
        private static extern int Prctl(int option, ulong argument2, ulong argument3, ulong argument4, ulong argument5);

        /// <summary>The kernel may wake a sleeping thread up to its timer slack (50 µs by default) late: 1 µs for the pacer.</summary>
        public static void Prepare()
        {
            if (OperatingSystem.IsLinux())
                _ = Prctl(SetTimerSlack, 1_000, 0, 0, 0);
        }

        public static void Until(long timestamp)
        {
            while (true)
            {
                var remaining = timestamp - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                    return;
                if (!OperatingSystem.IsLinux())
                {
                    Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, remaining * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                    continue;
                }
                var nanoseconds = remaining * 1_000_000_000 / Stopwatch.Frequency;
                var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
                _ = NanoSleep(ref request, IntPtr.Zero);
            }
        }
    }

    internal static string Describe(HttpLoadResult result) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {result.P50Ms:0.###} ms, p99 {result.P99Ms:0.###} ms, errors {result.Errors}/{result.Count}");
}
