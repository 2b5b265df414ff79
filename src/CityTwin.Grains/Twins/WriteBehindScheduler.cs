using System.Diagnostics;
using CityTwin.Contracts.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CityTwin.Grains.Twins;

/// <summary>
/// The silo's one write-behind clock. A twin with unsaved changes registers here once, until it is asked
/// to write; every <see cref="TwinOptions.WriteBehindInterval"/> the scheduler asks the registered twins
/// to write, at most <see cref="TwinOptions.MaxConcurrentWrites"/> at once. Rounds start at least an
/// interval after the previous one ended, so a twin writes at most once per interval; a slow database
/// makes rounds longer and each twin's write fold in more changes, never a longer queue (a twin is
/// registered at most once).
/// <para>
/// Why not a grain timer per twin: Orleans keeps a timer set on every activation that ever had a timer,
/// for the activation's life; at a million twins that was some 300 MB for timers that had long fired.
/// </para>
/// </summary>
public sealed class WriteBehindScheduler(GrainReferences grains, IOptions<TwinOptions> options, ILogger<WriteBehindScheduler> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock gate = new();
    private HashSet<GrainId> registered = [];
    private CancellationTokenSource? stopping;
    private Task? rounds;

    /// <summary>Twins waiting for the next round.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
                return registered.Count;
        }
    }

    /// <summary>The twin has unsaved changes: it is asked to write them in the next round.</summary>
    public void Register(GrainId twin)
    {
        lock (gate)
            registered.Add(twin);
    }

    /// <summary>The twin wrote on its own (it is deactivating, or was deleted): no need to call it.</summary>
    public void Forget(GrainId twin)
    {
        lock (gate)
            registered.Remove(twin);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stopped before the silo deactivates its grains: twins still holding changes write them as they deactivate.
        lifecycle.Subscribe(nameof(WriteBehindScheduler), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        stopping = new CancellationTokenSource();
        rounds = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        if (stopping is null || rounds is null)
            return;
        await stopping.CancelAsync();
        await rounds.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.MaxConcurrentWrites,
            CancellationToken = cancellationToken,
        };
        try
        {
            // A zero interval means readings are written through; what is still marked (rarely) waits a second
            // rather than letting this loop spin.
            var interval = options.Value.WriteBehindInterval > TimeSpan.Zero ? options.Value.WriteBehindInterval : TimeSpan.FromSeconds(1);
            await Task.Delay(interval, cancellationToken);
            while (true)
            {
                var roundStart = Stopwatch.GetTimestamp();
                HashSet<GrainId>? due = null;
                lock (gate)
                {
                    if (registered.Count > 0)
                    {
                        due = registered;
                        registered = [];
                    }
                }
                if (due is not null)
                    await WriteRoundAsync(due, WriteBehindPace.ForRound(due.Count, interval), roundStart, parallel);
                var next = WriteBehindPace.NextRoundAfter(interval, Stopwatch.GetElapsedTime(roundStart));
                await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (next - Stopwatch.GetElapsedTime(roundStart)).Ticks)), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private Task WriteRoundAsync(HashSet<GrainId> due, WriteBehindPace pace, long roundStart, ParallelOptions parallel)
    {
        var started = 0;
        return Parallel.ForEachAsync(due, parallel, async (twin, cancellationToken) =>
        {
            var wait = pace.WaitBefore(Interlocked.Increment(ref started) - 1, Stopwatch.GetElapsedTime(roundStart));
            // Below a millisecond a timer cannot wait precisely; the next write that is ahead waits for both.
            if (wait >= TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait, cancellationToken);
            await AskToWriteAsync(twin);
        });
    }

    private async Task AskToWriteAsync(GrainId twin)
    {
        try
        {
            await grains.Get<IWriteBehindTwin>(twin).WriteUnsaved();
        }
        catch (Exception e)
        {
            // The call itself failed (a write that fails registers the twin again from inside it).
            logger.LogWarning(e, "Asking twin {Twin} to write behind failed; asking again next round", twin);
            Register(twin);
        }
    }
}
