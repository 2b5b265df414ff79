using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

/// <summary>A bin and its device for tests: numbers the readings, and applies them at their device time.</summary>
internal sealed class BinTwin
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Monday 3 March 2025, 08:00 local (CET).</summary>
    public static readonly DateTimeOffset Monday0800 = new(2025, 3, 3, 7, 0, 0, TimeSpan.Zero);

    public BinState State { get; set; } = new();

    /// <summary>Depth 100 cm, so a distance of d cm is a level of 1 - d/100.</summary>
    public BinParameters Parameters { get; init; } = new() { BinCapacityLitres = 240, DepthCm = 100, MaxLoadKg = 60 };

    public BinRuleOptions Options { get; init; } = BinRuleOptions.Default;

    public long Epoch { get; set; } = 1;

    public long Sequence { get; set; }

    public List<TwinSignal> Signals { get; } = [];

    public BinOutcome Read(DateTimeOffset at, BinReading reading, DateTimeOffset? now = null)
    {
        Sequence++;
        return Keep(BinRules.Apply(State, Parameters, new ReadingStamp(at, Epoch, Sequence), reading, now ?? at, Amsterdam, Options));
    }

    /// <summary>A reading of <paramref name="level"/>; <paramref name="wet"/> false leaves the wetness as last reported.</summary>
    public BinOutcome Level(DateTimeOffset at, double level, bool wet = false, double? weightKg = null) =>
        Read(at, new BinReading { DistanceCm = Math.Round((1 - level) * 100, 3), Wet = wet ? true : null, CargoWeightKg = weightKg });

    public BinOutcome Collect(string id, DateTimeOffset at, DateTimeOffset? now = null) =>
        Keep(BinRules.ApplyCollection(State, Parameters, id, at, now ?? at, Amsterdam, Options));

    /// <summary>Readings every 15 minutes from <paramref name="from"/>, the level a function of the hours since.</summary>
    public DateTimeOffset Fill(DateTimeOffset from, int readings, Func<double, double> level)
    {
        var at = from;
        for (var i = 0; i < readings; i++)
        {
            at = from.AddMinutes(15 * i);
            Level(at, level((at - from).TotalHours));
        }

        return at;
    }

    public IEnumerable<TwinSignal> SignalsOf(TwinSignalKind kind, string? code = null) =>
        Signals.Where(s => s.Kind == kind && (code is null || s.Code == code));

    private BinOutcome Keep(BinOutcome outcome)
    {
        Signals.AddRange(outcome.Signals);
        return outcome;
    }
}
