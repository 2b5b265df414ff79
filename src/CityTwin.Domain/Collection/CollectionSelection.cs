using CityTwin.Domain.Bins;
using static System.FormattableString;

namespace CityTwin.Domain.Collection;

/// <summary>A bin the selection looks at: its twin's state and how it was provisioned.</summary>
public sealed record BinCandidate(string BinId, BinState State, BinParameters Parameters);

/// <summary>Why a bin is or is not collected in the next window.</summary>
public enum SelectionReason
{
    /// <summary>At or over its fullness threshold.</summary>
    FullNow,

    /// <summary>Predicted to reach its threshold before the window after the next one starts.</summary>
    PredictedFull,

    /// <summary>Its sensor cannot be trusted (failed, or never read a level), and it was last emptied too long ago.</summary>
    OverdueByAge,

    /// <summary>Not full and not predicted full before the following window.</summary>
    NotNeeded,

    /// <summary>Its fill sensor is failed (or has never read a level) and it is not yet overdue: its readings do not count.</summary>
    SensorUntrusted,

    /// <summary>On fire: a collection truck must not lift it (a compactor fire); the fire alert deals with it.</summary>
    OnFire,
}

public sealed record BinSelection(string BinId, bool Collect, SelectionReason Reason, string Detail);

/// <summary>The selection's settings.</summary>
public sealed record SelectionOptions
{
    /// <summary>
    /// A bin whose sensor is not trusted is collected once this long has passed since its last emptying by
    /// the start of the next window. Two weeks: twice the weekly round most cities ran before sensors.
    /// </summary>
    public TimeSpan OverdueAge { get; init; } = TimeSpan.FromDays(14);
}

/// <summary>
/// Which bins to collect in the next window: those full now, and those predicted full before the window after
/// it starts (else they would overflow waiting for it). A bin whose fill sensor is failed, or that never read a
/// level, has no reading to go by: it is skipped unless overdue by age (days since its last emptying; unknown
/// counts as overdue). A suspect sensor still counts: its twin already predicts from the long-run rate alone.
/// A bin on fire is never selected.
/// </summary>
public static class CollectionSelection
{
    public static IReadOnlyList<BinSelection> Select(
        IEnumerable<BinCandidate> bins, CollectionWindow next, CollectionWindow following, SelectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(following);
        if (following.Start <= next.Start)
            throw new ArgumentException($"the following window ({following.Start:O}) must start after the next one ({next.Start:O})", nameof(following));
        options ??= new SelectionOptions();
        return [.. bins.Select(bin => Decide(bin, next, following, options))];
    }

    private static BinSelection Decide(BinCandidate bin, CollectionWindow next, CollectionWindow following, SelectionOptions options)
    {
        var state = bin.State;
        if (state.Burning)
            return new(bin.BinId, false, SelectionReason.OnFire, "burning");

        var untrusted = state.Sensor.Health == SensorHealth.Failed || state.FillingLevel is null;
        if (untrusted)
        {
            var why = state.Sensor.Health == SensorHealth.Failed ? "sensor failed" : "no level read yet";
            if (state.DateLastEmptying is not { } emptied)
                return new(bin.BinId, true, SelectionReason.OverdueByAge, $"{why}; never emptied on record");
            var age = next.Start - emptied;
            return age >= options.OverdueAge
                ? new(bin.BinId, true, SelectionReason.OverdueByAge, Invariant($"{why}; {age.TotalDays:0.#} days since emptied"))
                : new(bin.BinId, false, SelectionReason.SensorUntrusted, Invariant($"{why}; {age.TotalDays:0.#} days since emptied"));
        }

        var threshold = bin.Parameters.BinFullnessThreshold;
        if (state.AboveThreshold || state.FillingLevel >= threshold)
            return new(bin.BinId, true, SelectionReason.FullNow, Invariant($"filling level {state.FillingLevel:0.##} of threshold {threshold:0.##}"));
        if (state.PredictedFullAt is { } full && full < following.Start)
            return new(bin.BinId, true, SelectionReason.PredictedFull, Invariant($"full at {full:O}, before the following window at {following.Start:O}"));
        return new(bin.BinId, false, SelectionReason.NotNeeded,
            state.PredictedFullAt is { } later ? Invariant($"full at {later:O}") : "not full within the prediction horizon");
    }
}
